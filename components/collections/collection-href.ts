/**
 * Where a collection is opened: the gallery filtered to it, scrolled to the videos (on a phone
 * the prompt editor would otherwise fill the first screen).
 */
export function collectionHref(slug: string, collectionId: string): string {
  return `/w/${encodeURIComponent(slug)}?collection=${encodeURIComponent(collectionId)}#videos`;
}
