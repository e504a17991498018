/**
 * Reads a studio's event stream, recording the states announced for each generation. `ready`
 * settles once the server has accepted the stream (it fails on any other answer); `closed` once the
 * server has ended it.
 */
export function listenToEvents(
  url: string,
  cookie: string,
  seen: Map<string, string[]>,
): AbortController & { ready: Promise<void>; closed: Promise<void> } {
  const ctrl = new AbortController();
  let accepted: () => void = () => {};
  let refused: (e: Error) => void = () => {};
  const ready = new Promise<void>((ok, fail) => {
    accepted = ok;
    refused = fail;
  });
  let ended: () => void = () => {};
  const closed = new Promise<void>((ok) => {
    ended = ok;
  });
  void (async () => {
    const res = await fetch(url, { headers: { cookie }, signal: ctrl.signal });
    if (res.status !== 200) {
      refused(new Error(`event stream answered ${res.status}`));
      return;
    }
    accepted();
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) {
        ended();
        return;
      }
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data && block.includes("event: generation")) {
          const { id, state } = JSON.parse(data) as { id: string; state: string };
          seen.set(id, [...(seen.get(id) ?? []), state]);
        }
        end = buffer.indexOf("\n\n");
      }
    }
  })().catch((e: Error) => refused(e));
  return Object.assign(ctrl, { ready, closed });
}
