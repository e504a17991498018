import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

// Prompts are often Chinese, so a CJK font is preferred; DejaVu keeps Latin text readable
// where none is installed. Paths with characters that ffmpeg's filter syntax would need
// escaped are skipped rather than escaped.

const knownCjkFonts = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
  "/System/Library/Fonts/PingFang.ttc",
];
const dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const filterSafePath = /^[A-Za-z0-9/._-]+$/;

function cjkFontFromFontconfig(): string | undefined {
  try {
    const out = execFileSync("fc-list", [":lang=zh", "file"], { encoding: "utf8", timeout: 5000 });
    const files = out
      .split("\n")
      .map((line) => line.replace(/:\s*$/, "").trim())
      .filter((file) => file !== "" && filterSafePath.test(file));
    return files.find((f) => /Sans.*Regular/i.test(f)) ?? files[0];
  } catch {
    return undefined;
  }
}

let cached: string | null | undefined;

/** A font file for drawtext, or null to let ffmpeg fall back to fontconfig's default. */
export function findFont(): string | null {
  if (cached !== undefined) return cached;
  const known = [...knownCjkFonts].find((f) => existsSync(f));
  const found = known ?? cjkFontFromFontconfig() ?? (existsSync(dejaVu) ? dejaVu : null);
  cached = found;
  return found;
}
