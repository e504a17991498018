/** A start or end image as the browser sees it: where members fetch it, and its figures. */
export interface SourceImageDto {
  id: string;
  url: string;
  width: number;
  height: number;
  bytes: number;
  contentType: string;
}

export function sourceImageUrl(workspaceSlug: string, id: string): string {
  return `/api/w/${encodeURIComponent(workspaceSlug)}/images/${encodeURIComponent(id)}`;
}
