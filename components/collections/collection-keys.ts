/** The query keys of collections and favourites: shared by the browser's queries and the pages that seed them. */
export const collectionKeys = {
  all: (slug: string) => ["collections", slug] as const,
  forGeneration: (slug: string, id: string) => ["collections", slug, "of", id] as const,
  forShot: (slug: string, shotId: string) => ["collections", slug, "of-shot", shotId] as const,
  list: (slug: string) => ["collections", slug, "list"] as const,
  favorites: (slug: string) => ["favorites", slug] as const,
};
