import { EventEmitter } from "node:events";
import pg from "pg";
import { logger } from "@/lib/logger";

export interface GenerationEvent {
  workspaceId: string;
  generationId: string;
  state: string;
}

const CHANNEL = "studio_generation_events";

interface Bus {
  emitter: EventEmitter;
  /** Set when events travel through PostgreSQL, so every instance hears every change. */
  notify: ((payload: string) => Promise<void>) | null;
}

// Route handlers, server actions and the job worker can be compiled into separate bundles that
// each get their own copy of this module; the bus lives on globalThis so they share one.
const KEY = Symbol.for("hailuo-studio.events");
const holder = globalThis as unknown as { [KEY]?: Bus };

function bus(): Bus {
  if (!holder[KEY]) {
    const emitter = new EventEmitter();
    // One listener per open gallery tab.
    emitter.setMaxListeners(0);
    holder[KEY] = { emitter, notify: null };
  }
  return holder[KEY];
}

function deliver(event: GenerationEvent): void {
  bus().emitter.emit(`workspace:${event.workspaceId}`, event);
}

export function publishGenerationEvent(event: GenerationEvent): void {
  const { notify } = bus();
  if (!notify) {
    deliver(event);
    return;
  }
  // Delivered back to this instance by its own LISTEN, like to every other instance.
  notify(JSON.stringify(event)).catch((e) => {
    logger.warn({ err: e }, "event notify failed; delivering locally only");
    deliver(event);
  });
}

export function subscribeGenerationEvents(
  workspaceId: string,
  listener: (event: GenerationEvent) => void,
): () => void {
  const name = `workspace:${workspaceId}`;
  bus().emitter.on(name, listener);
  return () => bus().emitter.off(name, listener);
}

/**
 * Fans events out through PostgreSQL LISTEN/NOTIFY: a browser connected to instance A hears
 * about a callback that instance B handled. One dedicated connection listens, and reconnects.
 */
export async function connectPostgresEvents(databaseUrl: string): Promise<void> {
  const b = bus();
  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  b.notify = async (payload) => {
    await publisher.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
  };
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        deliver(JSON.parse(msg.payload) as GenerationEvent);
      } catch {
        // not ours
      }
    });
    client.on("error", (e) => {
      logger.warn({ err: e }, "event listener connection lost; reconnecting");
      client.end().catch(() => {});
      setTimeout(() => void listen().catch(() => {}), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  };
  await listen();
}
