import { randomBytes } from "node:crypto";

// Paths under /w/ that are pages, not workspaces.
const RESERVED = new Set(["new", "settings", "api", "invite"]);

/** A readable URL slug from a workspace name; names with no Latin letters get "team". */
export function slugBase(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/, "");
  return base && !RESERVED.has(base) ? base : "team";
}

export function slugCandidates(name: string): string[] {
  const base = slugBase(name);
  return [base, ...Array.from({ length: 5 }, () => `${base}-${randomBytes(3).toString("hex")}`)];
}
