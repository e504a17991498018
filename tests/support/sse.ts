/** Reads a studio's event stream, recording the states announced for each generation. */
export function listenToEvents(
  url: string,
  cookie: string,
  seen: Map<string, string[]>,
): AbortController {
  const ctrl = new AbortController();
  void (async () => {
    const res = await fetch(url, { headers: { cookie }, signal: ctrl.signal });
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
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
  })().catch(() => {});
  return ctrl;
}
