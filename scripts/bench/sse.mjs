// A browser's view of the gallery's live updates: reads /api/w/<slug>/events (Server-Sent Events)
// and notes when each generation's event arrives.
import { performance } from "node:perf_hooks";

export function openEvents(url, cookie) {
  const ctrl = new AbortController();
  const waiters = new Map();
  let markReady;
  let markFailed;
  const ready = new Promise((ok, fail) => {
    markReady = ok;
    markFailed = fail;
  });

  function onEvent(block) {
    if (block.includes(": connected")) markReady();
    if (!block.includes("event: generation")) return;
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (!data) return;
    const { id, state } = JSON.parse(data);
    const key = `${id}:${state}`;
    const waiter = waiters.get(key);
    if (waiter) {
      waiters.delete(key);
      waiter(performance.now());
    }
  }

  void (async () => {
    const res = await fetch(url, { headers: { cookie }, signal: ctrl.signal });
    if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        onEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  })().catch((e) => {
    if (!ctrl.signal.aborted) markFailed(e);
  });

  return {
    ready,
    /** Resolves to performance.now() when `id` reaches `state`, or null after `timeoutMs`. */
    waitFor(id, state, timeoutMs) {
      return new Promise((ok) => {
        const key = `${id}:${state}`;
        const timer = setTimeout(() => {
          waiters.delete(key);
          ok(null);
        }, timeoutMs);
        waiters.set(key, (at) => {
          clearTimeout(timer);
          ok(at);
        });
      });
    },
    close() {
      ctrl.abort();
    },
  };
}
