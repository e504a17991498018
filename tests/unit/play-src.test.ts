import { describe, expect, it } from "vitest";
import { fallbackSrc, keepShown } from "@/components/hooks/use-play-src";

const VIDEO = "/api/w/team/generations/g1/video";
const link = (key: string, e: number) => `/media/ws/${key}/video.mp4?e=${e}&s=${"A".repeat(43)}`;

describe("the src a player plays from", () => {
  it("stays the same while the same video is shown, whatever expiry a refetch brings", () => {
    const first = keepShown(null, { playUrl: link("g1", 100), videoUrl: VIDEO });
    expect(first.src).toBe(link("g1", 100));
    const later = keepShown(first, { playUrl: link("g1", 200), videoUrl: VIDEO });
    expect(later).toBe(first);
    const other = keepShown(first, { playUrl: link("g2", 200), videoUrl: VIDEO });
    expect(other.src).toBe(link("g2", 200));
  });

  it("after a failure tries a fresher link, then the member route, then gives up", () => {
    const stale = { path: "/media/ws/g1/video.mp4", src: link("g1", 100) };
    const media = { playUrl: link("g1", 200), videoUrl: VIDEO };
    expect(fallbackSrc(stale, media)).toBe(link("g1", 200));
    const fresh = { ...stale, src: link("g1", 200) };
    expect(fallbackSrc(fresh, media)).toBe(VIDEO);
    expect(fallbackSrc({ ...stale, src: VIDEO }, media)).toBeNull();
  });

  it("has nothing to fall back to when the video plays from the member route (media on S3)", () => {
    const media = { playUrl: VIDEO, videoUrl: VIDEO };
    expect(fallbackSrc(keepShown(null, media), media)).toBeNull();
  });
});
