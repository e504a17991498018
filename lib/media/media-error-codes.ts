/**
 * Why a finished video could not be copied into the studio's storage. Kept on the generation
 * beside the technical message, so a screen can say it in the reader's language.
 */
export const MEDIA_ERROR_CODES = [
  "no_url", // kie.ai reported success without a video link
  "host_refused", // the link (or a redirect) points somewhere the studio must not fetch
  "unreachable", // the link's host could not be reached
  "too_many_redirects",
  "link_expired", // the link and every fresh one kie.ai gave answered 403/404/410
  "link_failed", // the link answered another error status
  "not_video", // the answer's Content-Type is not a video
  "too_large", // over MEDIA_MAX_BYTES
  "broken_off", // the download stopped midway
  "truncated", // fewer bytes arrived than the link promised
  "not_mp4", // the bytes are not an MP4 file
  "internal", // the studio's own storage or processing failed
] as const;

export type MediaErrorCode = (typeof MEDIA_ERROR_CODES)[number];

export function isMediaErrorCode(value: string | null | undefined): value is MediaErrorCode {
  return (MEDIA_ERROR_CODES as readonly (string | null | undefined)[]).includes(value);
}
