// What kie.ai saw of the studio: the createTask calls the simulator received, each stamped as it
// arrived (GET /__sim/create-task-calls), as kie.ai counts them against its allowance.

/** Every createTask call since the simulator started or was reset: { at, rateLimited }[]. */
export async function createTaskCalls(simUrl) {
  const res = await fetch(`${simUrl}/__sim/create-task-calls`, {
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`/__sim/create-task-calls answered ${res.status}`);
  return (await res.json()).data;
}

/**
 * The most calls that arrived within any `windowMs` (a window [t, t + windowMs) sliding over
 * every arrival, as kie.ai's sliding limit counts), and when that window began.
 */
export function busiestWindow(times, windowMs) {
  const sorted = [...times].sort((a, b) => a - b);
  let best = { count: 0, from: sorted[0] ?? null };
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end] - sorted[start] < windowMs) end++;
    if (end - start > best.count) best = { count: end - start, from: sorted[start] };
  }
  return best;
}

/** Changes the simulator's settings (POST /__sim/config, validated like config.ts says). */
export async function configureSimulator(simUrl, patch) {
  const res = await fetch(`${simUrl}/__sim/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`/__sim/config refused ${JSON.stringify(patch)}: ${res.status}`);
}
