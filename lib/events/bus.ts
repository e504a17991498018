import { EventEmitter } from "node:events";

export interface GenerationEvent {
  workspaceId: string;
  generationId: string;
  state: string;
}

// Route handlers, server actions and the job worker can be compiled into separate bundles that
// each get their own copy of this module; the emitter lives on globalThis so they share one.
const KEY = Symbol.for("hailuo-studio.events");
const holder = globalThis as unknown as { [KEY]?: EventEmitter };

function emitter(): EventEmitter {
  if (!holder[KEY]) {
    const e = new EventEmitter();
    // One listener per open gallery tab.
    e.setMaxListeners(0);
    holder[KEY] = e;
  }
  return holder[KEY];
}

export function publishGenerationEvent(event: GenerationEvent): void {
  emitter().emit(`workspace:${event.workspaceId}`, event);
}

export function subscribeGenerationEvents(
  workspaceId: string,
  listener: (event: GenerationEvent) => void,
): () => void {
  const name = `workspace:${workspaceId}`;
  emitter().on(name, listener);
  return () => emitter().off(name, listener);
}
