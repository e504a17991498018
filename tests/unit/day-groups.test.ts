import { describe, expect, it } from "vitest";
import { groupByDay, relativeDay } from "@/components/gallery/day-groups";

const at = (iso: string) => ({ createdAt: iso });

describe("grouping videos by day", () => {
  it("splits a newest-first list where the day changes, in the given time zone", () => {
    const items = [
      at("2026-12-06T01:30:00Z"),
      at("2026-12-05T23:30:00Z"),
      at("2026-12-05T15:00:00Z"),
      at("2026-12-04T10:00:00Z"),
    ];
    expect(groupByDay(items, "UTC").map((g) => [g.day, g.items.length])).toEqual([
      ["2026-12-06", 1],
      ["2026-12-05", 2],
      ["2026-12-04", 1],
    ]);
    // In Shanghai (UTC+8) 23:30 UTC is already the next morning.
    expect(groupByDay(items, "Asia/Shanghai").map((g) => [g.day, g.items.length])).toEqual([
      ["2026-12-06", 2],
      ["2026-12-05", 1],
      ["2026-12-04", 1],
    ]);
  });

  it("keeps one group per day when an item arrives out of order", () => {
    const items = [
      at("2026-12-06T10:00:00Z"),
      at("2026-12-05T10:00:00Z"),
      at("2026-12-06T09:00:00Z"),
    ];
    expect(groupByDay(items, "UTC").map((g) => [g.day, g.items.length])).toEqual([
      ["2026-12-06", 2],
      ["2026-12-05", 1],
    ]);
  });

  it("names today and yesterday, and leaves older days to be written out", () => {
    const now = new Date("2026-12-06T05:00:00Z");
    expect(relativeDay("2026-12-06", now, "UTC")).toBe("today");
    expect(relativeDay("2026-12-05", now, "UTC")).toBe("yesterday");
    expect(relativeDay("2026-12-04", now, "UTC")).toBeNull();
    // 05:00 UTC on the 6th is still the evening of the 5th in Los Angeles.
    expect(relativeDay("2026-12-05", now, "America/Los_Angeles")).toBe("today");
  });
});
