// A small, bounded HTTP load generator for the benchmark (autocannon-like): a fixed number of
// keep-alive connections, each sending its next request as soon as the last answer is read, until
// either the request count or the time limit is reached. Loopback only.
import { performance } from "node:perf_hooks";
import { Pool } from "undici";

function assertLoopback(origin) {
  const { hostname } = new URL(origin);
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(hostname)) {
    throw new Error(`the benchmark only talks to loopback, not ${hostname}`);
  }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values) {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/**
 * Runs `request(i)` (→ { path, method?, headers?, body? }) with `connections` workers until
 * `maxRequests` were sent or `maxMs` passed. Resolves to throughput, latency and status counts.
 */
export async function runLoad({ origin, connections, maxRequests, maxMs, request }) {
  assertLoopback(origin);
  const pool = new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const latencies = new Float64Array(maxRequests);
  const statuses = {};
  let sent = 0;
  let done = 0;
  let errors = 0;
  let bytes = 0;
  const start = performance.now();
  const deadline = start + maxMs;

  async function worker() {
    while (sent < maxRequests && performance.now() < deadline) {
      const i = sent++;
      const spec = request(i);
      const t0 = performance.now();
      try {
        const res = await pool.request({
          path: spec.path,
          method: spec.method ?? "GET",
          headers: spec.headers,
          body: spec.body,
        });
        for await (const chunk of res.body) bytes += chunk.length;
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      } catch {
        errors++;
      }
      latencies[done++] = performance.now() - t0;
    }
  }

  await Promise.all(Array.from({ length: connections }, worker));
  const elapsedMs = performance.now() - start;
  await pool.close();
  const sorted = Array.from(latencies.subarray(0, done)).sort((a, b) => a - b);
  return {
    requests: done,
    errors,
    statuses,
    elapsedMs,
    rps: done / (elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    bytes,
    mbPerSec: bytes / (1024 * 1024) / (elapsedMs / 1000),
  };
}
