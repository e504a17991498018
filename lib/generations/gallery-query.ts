import { z } from "zod";
import { type GenerationFilters, STATE_FILTERS } from "@/lib/generations/list-generations";
import { MODEL_IDS } from "@/lib/kie/models";

// A date (a whole UTC day) or an instant (the filter bar sends the browser's local midnight).
const dateParam = z
  .string()
  .max(40)
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(new Date(v).getTime()),
    "invalid_date",
  );

const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), s.optional());

/** The gallery's query string: ?cursor&collection&favorites=1&author&state&model&from&to&q&shot */
export const galleryQuery = z
  .object({
    cursor: optional(z.string().max(200)),
    collection: optional(z.string().max(100)),
    favorites: optional(z.enum(["1", "true", "0", "false"])),
    author: optional(z.string().max(100)),
    state: optional(z.enum(Object.keys(STATE_FILTERS) as [keyof typeof STATE_FILTERS])),
    model: optional(z.enum(MODEL_IDS)),
    from: optional(dateParam),
    to: optional(dateParam),
    q: optional(z.string().max(200)),
    shot: optional(z.string().max(100)),
    limit: optional(z.coerce.number().int().min(1).max(100)),
  })
  .refine((v) => !v.from || !v.to || toBound(v.from, true) <= toBound(v.to, true), {
    path: ["to"],
    message: "before_from",
  });

export type GalleryQuery = z.infer<typeof galleryQuery>;

// A bare date as "to" means the whole of that day.
function toBound(value: string, end: boolean): Date {
  const d = new Date(value);
  if (end && /^\d{4}-\d{2}-\d{2}$/.test(value)) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export function toGenerationFilters(query: GalleryQuery, userId: string): GenerationFilters {
  return {
    collectionId: query.collection,
    favoritesOf: query.favorites === "1" || query.favorites === "true" ? userId : undefined,
    authorId: query.author,
    state: query.state,
    model: query.model,
    from: query.from ? toBound(query.from, false) : undefined,
    to: query.to ? toBound(query.to, true) : undefined,
    q: query.q,
    shotId: query.shot,
  };
}
