/**
 * A prompt's first words, as a title where a video has none of its own (a tab, a heading, a
 * shared page): its first line, cut at `max` characters (Chinese kept whole, as counted).
 */
export function promptTitle(prompt: string, max = 60): string {
  const line = prompt.trim().split("\n")[0]?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max).trimEnd()}…` : line;
}
