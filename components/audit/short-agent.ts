const BROWSERS: [string, RegExp][] = [
  ["Edge", /Edg\/(\d+)/],
  ["Firefox", /Firefox\/(\d+)/],
  ["Chrome", /Chrom(?:e|ium)\/(\d+)/],
  ["Safari", /Version\/(\d+).*Safari/],
];
const SYSTEMS: [string, RegExp][] = [
  ["iOS", /iPhone|iPad/],
  ["Android", /Android/],
  ["macOS", /Mac OS X/],
  ["Windows", /Windows/],
  ["Linux", /Linux/],
];

/** "Chrome 131 · macOS": what a person recognises of a user-agent string. */
export function shortAgent(ua: string): string {
  let browser: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const version = pattern.exec(ua)?.[1];
    if (version) {
      browser = `${name} ${version}`;
      break;
    }
  }
  if (!browser) return ua.slice(0, 60);
  const system = SYSTEMS.find(([, pattern]) => pattern.test(ua))?.[0];
  return system ? `${browser} · ${system}` : browser;
}
