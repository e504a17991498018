/**
 * When to read a task's state next, following kie.ai's advice: every 2–3 s for the first 30 s,
 * then 5–10 s, then 15–30 s after two minutes. Jitter spreads many tasks over time so a busy
 * workspace stays under the ~10 reads/s limit. `scale` compresses the schedule (tests, simulator).
 */
export function nextPollDelayMs(ageMs: number, scale = 1, random = Math.random): number {
  const [min, max] =
    ageMs < 30_000 ? [2_000, 3_000] : ageMs < 120_000 ? [5_000, 10_000] : [15_000, 30_000];
  return Math.round((min + (max - min) * random()) * scale);
}
