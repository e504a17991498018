import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// The names a message fills in: `{name}` and `{name, plural, …}`, not a plural branch's text
// (`one {a video}`), which is words.
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const pattern = /(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*([A-Za-z_]\w*)\s*[,}]/g;
  for (const match of message.matchAll(pattern)) names.add(match[1] ?? "");
  return [...names].sort();
}

const english = flatten(en);
const chinese = flatten(zh);

describe("message files", () => {
  it("have the same keys in English and Chinese", () => {
    const onlyEnglish = [...english.keys()].filter((k) => !chinese.has(k));
    const onlyChinese = [...chinese.keys()].filter((k) => !english.has(k));
    expect({ onlyEnglish, onlyChinese }).toEqual({ onlyEnglish: [], onlyChinese: [] });
  });

  it("fill in the same values in both languages", () => {
    const differ: string[] = [];
    for (const [key, message] of english) {
      const other = chinese.get(key);
      if (other === undefined) continue;
      const a = argumentsOf(message).join(",");
      const b = argumentsOf(other).join(",");
      if (a !== b) differ.push(`${key}: {${a}} vs {${b}}`);
    }
    expect(differ).toEqual([]);
  });

  it("leave no Chinese message empty or in English only", () => {
    const suspicious = [...chinese].filter(
      ([key, message]) =>
        message.trim() === "" ||
        // Brand names, codes and placeholders aside, a Chinese message has Chinese in it.
        (!/[\u3400-\u9fff]/.test(message) &&
          message === english.get(key) &&
          /[a-z]{4}/.test(message.replace(/\{[^}]*\}|kie\.ai|Hailuo|Studio/g, ""))),
    );
    expect(suspicious.map(([key]) => key)).toEqual([]);
  });
});
