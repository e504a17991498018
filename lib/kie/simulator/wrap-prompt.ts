// drawtext does not wrap, so the prompt is wrapped here. Wide (CJK, full-width, emoji)
// characters count double and may break anywhere; other text breaks at spaces.

const widePattern =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f000}-\u{3ffff}]/u;

function charWidth(char: string): number {
  return widePattern.test(char) ? 2 : 1;
}

function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Splits a paragraph into words, single spaces, and single wide characters. */
function tokens(paragraph: string): string[] {
  const out: string[] = [];
  for (const run of paragraph.match(/\s+|\S+/gu) ?? []) {
    if (/^\s/.test(run)) {
      out.push(" ");
      continue;
    }
    let word = "";
    for (const char of run) {
      if (charWidth(char) === 1) {
        word += char;
        continue;
      }
      if (word !== "") out.push(word);
      word = "";
      out.push(char);
    }
    if (word !== "") out.push(word);
  }
  return out;
}

function wrapParagraph(paragraph: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  const push = () => {
    lines.push(line.trimEnd());
    line = "";
  };
  for (const token of tokens(paragraph)) {
    if (token === " ") {
      if (line !== "" && textWidth(line) + 1 <= maxWidth) line += " ";
      continue;
    }
    if (textWidth(line) + textWidth(token) <= maxWidth) {
      line += token;
      continue;
    }
    if (line.trim() !== "") push();
    // A word longer than a whole line is cut wherever it must be.
    for (const char of token) {
      if (textWidth(line) + charWidth(char) > maxWidth) push();
      line += char;
    }
  }
  if (line.trim() !== "" || lines.length === 0) push();
  return lines;
}

export function wrapPrompt(prompt: string, maxWidth: number, maxLines: number): string {
  const paragraphs = prompt.split(/\r\n?|\n/).map((p) => p.replace(/\p{Cc}/gu, " ").trim());
  const lines = paragraphs.flatMap((p) => wrapParagraph(p, maxWidth));
  while (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length <= maxLines) return lines.join("\n");
  const kept = lines.slice(0, maxLines);
  const last = [...(kept[maxLines - 1] ?? "")];
  while (last.length > 0 && textWidth(last.join("")) + 1 > maxWidth) last.pop();
  kept[maxLines - 1] = `${last.join("")}…`;
  return kept.join("\n");
}
