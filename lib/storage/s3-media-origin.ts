/**
 * The origin a browser fetches S3-stored media from through presigned links (the page's
 * Content-Security-Policy must allow it for media), or null when media is on local disk. The
 * same addressing the SDK uses: path-style (`host/bucket/key`) or virtual-hosted
 * (`bucket.host/key`).
 */
export function s3MediaOrigin(e: {
  S3_BUCKET?: string;
  S3_ENDPOINT?: string;
  S3_REGION: string;
  S3_FORCE_PATH_STYLE?: boolean;
}): string | null {
  if (!e.S3_BUCKET) return null;
  const pathStyle = e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT);
  const endpoint = new URL(e.S3_ENDPOINT ?? `https://s3.${e.S3_REGION}.amazonaws.com`);
  return pathStyle ? endpoint.origin : `${endpoint.protocol}//${e.S3_BUCKET}.${endpoint.host}`;
}
