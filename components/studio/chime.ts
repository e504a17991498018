// A short two-note chime made on the spot: no sound file to fetch, and quiet enough not to
// startle. Browsers only let a page play sound after the person has interacted with it, which
// anyone who pressed Generate has.
let context: AudioContext | null = null;

export function playChime(): void {
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return;
  try {
    context ??= new AudioContext();
    const ctx = context;
    void ctx.resume();
    const start = ctx.currentTime + 0.02;
    for (const [i, frequency] of [880, 1318.5].entries()) {
      const at = start + i * 0.14;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.12, at + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.45);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.5);
    }
  } catch {
    // No audio device, or the browser refused: the notice and the title still say it.
  }
}
