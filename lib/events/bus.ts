import { EventEmitter } from "node:events";
import { logger } from "@/lib/logger";
import { processSingleton } from "@/lib/process-singleton";

export interface GenerationEvent {
  workspaceId: string;
  generationId: string;
  state: string;
}

/** Someone who is no longer in a workspace: their open event streams on it must end. */
export interface MemberRemovedEvent {
  workspaceId: string;
  userId: string;
}

const CHANNEL = "studio_generation_events";
// Its own channel, so an instance still running older code never takes one for a generation's.
const REMOVALS_CHANNEL = "studio_member_removals";

interface Bus {
  emitter: EventEmitter;
  /** Set when events travel through PostgreSQL, so every instance hears every change. */
  notify: ((channel: string, payload: string) => Promise<void>) | null;
  /** Whether this instance's LISTEN connection is up (its own notifications come back by it). */
  listening: boolean;
}

// One per process: route handlers, server actions and the job worker all publish to it.
function bus(): Bus {
  return processSingleton<Bus>("events", () => {
    const emitter = new EventEmitter();
    // One listener per open gallery tab.
    emitter.setMaxListeners(0);
    return { emitter, notify: null, listening: false };
  });
}

function deliver(event: GenerationEvent): void {
  bus().emitter.emit(`workspace:${event.workspaceId}`, event);
}

function deliverRemoval(event: MemberRemovedEvent): void {
  bus().emitter.emit(`removed:${event.workspaceId}:${event.userId}`, event);
}

/** Delivers here, and through PostgreSQL to every instance when it is the database. */
function publish<E>(channel: string, event: E, deliverHere: (event: E) => void): void {
  const { notify, listening } = bus();
  // Without a LISTEN connection this instance would not hear its own notification.
  if (!notify || !listening) deliverHere(event);
  if (!notify) return;
  notify(channel, JSON.stringify(event)).catch((e) => {
    logger.warn({ err: e }, "event notify failed; delivered locally only");
    if (listening) deliverHere(event);
  });
}

export function publishGenerationEvent(event: GenerationEvent): void {
  publish(CHANNEL, event, deliver);
}

export function publishMemberRemoved(event: MemberRemovedEvent): void {
  publish(REMOVALS_CHANNEL, event, deliverRemoval);
}

/** Calls `listener` once this person is out of the workspace, on whichever instance. */
export function subscribeMemberRemoved(
  event: MemberRemovedEvent,
  listener: () => void,
): () => void {
  const name = `removed:${event.workspaceId}:${event.userId}`;
  bus().emitter.on(name, listener);
  return () => bus().emitter.off(name, listener);
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
  // Loaded here, not with the module: a server on SQLite never needs the PostgreSQL driver.
  const { default: pg } = await import("pg");
  const b = bus();
  const publisher = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An idle connection dropped by the server (a restart) is replaced on the next query; the
  // pool's error must not go unhandled, or it would end the process.
  publisher.on("error", (e) => logger.warn({ err: e }, "event publisher connection lost"));
  b.notify = async (channel, payload) => {
    await publisher.query("SELECT pg_notify($1, $2)", [channel, payload]);
  };
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("notification", (msg) => {
      if (!msg.payload) return;
      try {
        if (msg.channel === CHANNEL) deliver(JSON.parse(msg.payload) as GenerationEvent);
        if (msg.channel === REMOVALS_CHANNEL) {
          deliverRemoval(JSON.parse(msg.payload) as MemberRemovedEvent);
        }
      } catch {
        // not ours
      }
    });
    client.on("error", (e) => {
      b.listening = false;
      logger.warn({ err: e }, "event listener connection lost; reconnecting");
      client.end().catch(() => {});
      void keepListening();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      await client.query(`LISTEN ${REMOVALS_CHANNEL}`);
    } catch (e) {
      client.end().catch(() => {});
      throw e;
    }
    b.listening = true;
  };
  // Retries until the database is back, however long the outage.
  const keepListening = async (): Promise<void> => {
    for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        await listen();
        return;
      } catch (e) {
        logger.warn({ err: e, retryInMs: delay }, "event listener cannot connect");
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  };
  await keepListening();
}
