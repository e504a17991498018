import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createGeneration } from "@/lib/generations/create-generation";
import { getGeneration } from "@/lib/generations/get-generation";
import type { Simulator } from "@/lib/kie/simulator/server";
import { signUp } from "@/lib/users/sign-up";

export function studio(): { sim: Simulator; dir: string } {
  return (globalThis as unknown as { __studio: { sim: Simulator; dir: string } }).__studio;
}

export async function newWorkspace() {
  const email = `it-${randomUUID()}@example.com`;
  const { userId, slug } = await signUp({ email, password: "correct horse battery" });
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true },
  });
  return { userId, workspace };
}

export async function generate(
  ctx: { userId: string; workspace: { id: string; slug: string } },
  prompt: string,
  extra: { idempotencyKey?: string; promptOptimizer?: boolean } = {},
) {
  const acknowledged = await createGeneration({
    workspace: ctx.workspace,
    authorId: ctx.userId,
    prompt,
    promptOptimizer: extra.promptOptimizer ?? true,
    idempotencyKey: extra.idempotencyKey ?? randomUUID(),
  });
  await submissionSettled(acknowledged.id);
  return getGeneration({
    workspaceId: ctx.workspace.id,
    workspaceSlug: ctx.workspace.slug,
    id: acknowledged.id,
  });
}

/**
 * Waits for the first attempt to send a generation to kie.ai, which Generate starts in the
 * background, to have ended: kie.ai answered (or the request ended with no answer), or the
 * attempt was put back to wait for room under kie.ai's limit. Its job is then gone or no longer
 * held.
 */
export async function submissionSettled(id: string): Promise<void> {
  await waitFor(
    async () => {
      const job = await db.job.findUnique({
        where: { dedupeKey: `submit:${id}` },
        select: { lockedBy: true, lockedUntil: true },
      });
      return !job || job.lockedBy === null || (job.lockedUntil?.getTime() ?? 0) < Date.now();
    },
    { timeoutMs: 120_000, what: `generation ${id}'s submission` },
  );
}

/** Waits until `check` returns a value, or fails with the last value seen. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function generationRow(id: string) {
  return db.generation.findUniqueOrThrow({ where: { id } });
}

export async function waitForState(id: string, states: string[], timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const g = await generationRow(id);
      return states.includes(g.state) ? g : null;
    },
    { timeoutMs, what: `generation ${id} to reach ${states.join("/")}` },
  );
}

/** A generation that succeeded and whose video the studio has stored: its id. */
export async function readyVideo(
  ctx: { userId: string; workspace: { id: string; slug: string } },
  prompt: string,
): Promise<string> {
  const dto = await generate(ctx, prompt);
  await waitForState(dto.id, ["success"], 60_000);
  await waitFor(async () => (await generationRow(dto.id)).mediaState === "stored", {
    timeoutMs: 60_000,
    what: `media of ${dto.id}`,
  });
  return dto.id;
}
