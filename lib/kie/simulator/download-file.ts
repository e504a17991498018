// Fetches a file over HTTP(S) as kie.ai does for a URL upload or a task's image: a time limit
// for the whole download and a size cap checked as the bytes arrive, so neither a stalled server
// nor an endless body can hold the simulator.

export type Download =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: "bad-url" | "failed" | "too-large"; detail: string };

async function readCapped(response: Response, maxBytes: number): Promise<Buffer | null> {
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
}

export async function downloadFile(
  raw: string,
  opts: { maxBytes: number; timeoutMs: number; signal: AbortSignal },
): Promise<Download> {
  if (!URL.canParse(raw)) return { ok: false, problem: "bad-url", detail: "not a URL" };
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, problem: "bad-url", detail: "not an http or https URL" };
  }
  const tooLarge = {
    ok: false,
    problem: "too-large",
    detail: `over ${opts.maxBytes} bytes`,
  } as const;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)]),
      headers: { "user-agent": "kie-simulator/1.0" },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, problem: "failed", detail: `HTTP ${response.status}` };
    }
    if (Number(response.headers.get("content-length") ?? 0) > opts.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return tooLarge;
    }
    const bytes = await readCapped(response, opts.maxBytes);
    return bytes === null ? tooLarge : { ok: true, bytes };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    const detail = timedOut
      ? `no complete answer within ${opts.timeoutMs / 1000} s`
      : "unreachable";
    return { ok: false, problem: "failed", detail };
  }
}
