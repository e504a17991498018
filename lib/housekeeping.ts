import "server-only";
import { logger } from "@/lib/logger";
import { processSingleton } from "@/lib/process-singleton";

/**
 * Runs `run` a while after the server starts, then every so often, once per process. Each
 * instance runs its own: the work is written so that another instance having done it already
 * makes it do nothing. A run that fails is logged and tried again at the next turn.
 */
export function startHousekeeping(args: {
  name: string;
  firstRunMs: number;
  everyMs: number;
  run: () => Promise<void>;
  /** What the log says when a run fails. */
  failed: string;
}): void {
  processSingleton(args.name, () => {
    const turn = () =>
      void args.run().catch((e: unknown) => {
        logger.warn({ error: (e as Error).message }, args.failed);
      });
    setTimeout(turn, args.firstRunMs).unref();
    return setInterval(turn, args.everyMs).unref();
  });
}
