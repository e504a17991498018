/** The page of a shot's takes at full size, side by side. */
export function shotHref(slug: string, shotId: string): string {
  return `/w/${encodeURIComponent(slug)}/shots/${encodeURIComponent(shotId)}`;
}

/** One take's own page. */
export function takeHref(slug: string, generationId: string): string {
  return `/w/${encodeURIComponent(slug)}/g/${encodeURIComponent(generationId)}`;
}
