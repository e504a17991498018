import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";

/** The file behind a `file:` DATABASE_URL, made absolute, with its folder created. */
export function sqliteFilePath(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/, "").split("?")[0] ?? "";
  const file = isAbsolute(raw) ? raw : resolve(/* turbopackIgnore: true */ raw);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
