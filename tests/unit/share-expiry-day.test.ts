import { afterEach, describe, expect, it } from "vitest";
import {
  endOfLocalDay,
  expiryProblem,
  localDay,
  MAX_EXPIRY_DAYS,
  pickableDays,
} from "@/lib/sharing/expiry-day";
import { createShareLinkInput } from "@/lib/sharing/schemas";

// Node reads TZ again whenever it is assigned, so each test says where the sharer is.
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});
function at(tz: string, iso: string): Date {
  process.env.TZ = tz;
  return new Date(iso);
}

/** Whether the server takes the end of this day, chosen at `now`. */
function serverTakes(day: string, now: Date): boolean {
  const end = endOfLocalDay(day);
  return end !== null && expiryProblem(end, now.getTime()) === null;
}

describe("a share link's last day, where the sharer is", () => {
  it("west of UTC in the evening, tomorrow can be picked and means the end of tomorrow there", () => {
    // 18:00 on 4 December in Los Angeles is already 5 December in UTC.
    const now = at("America/Los_Angeles", "2026-12-05T02:00:00Z");
    const { min, max } = pickableDays(now);
    expect(min).toBe("2026-12-04");
    expect(max).toBe("2027-12-04");
    expect("2026-12-05" >= min).toBe(true);
    expect(endOfLocalDay("2026-12-05")?.toISOString()).toBe("2026-12-06T07:59:59.999Z");
    expect(serverTakes("2026-12-05", now)).toBe(true);
    // Today works too: the link stops at midnight there, hours from now.
    expect(endOfLocalDay(min)?.toISOString()).toBe("2026-12-05T07:59:59.999Z");
    expect(serverTakes(min, now)).toBe(true);
  });

  it("east of UTC in the morning, today is the local day, not UTC's", () => {
    const now = at("Asia/Tokyo", "2026-12-04T23:00:00Z");
    expect(localDay(now)).toBe("2026-12-05");
    expect(pickableDays(now).min).toBe("2026-12-05");
    expect(endOfLocalDay("2026-12-05")?.toISOString()).toBe("2026-12-05T14:59:59.999Z");
  });

  it.each([
    "UTC",
    "America/Los_Angeles",
    "Pacific/Honolulu",
    "Asia/Tokyo",
    "Pacific/Kiritimati",
    "Australia/Adelaide",
  ])("in %s, the server takes every day the picker offers, and refuses yesterday", (tz) => {
    for (const iso of ["2026-12-04T00:30:00Z", "2026-12-04T12:00:00Z", "2026-12-04T23:30:00Z"]) {
      const now = at(tz, iso);
      const { min, max } = pickableDays(now);
      expect(serverTakes(min, now), `${min} at ${iso}`).toBe(true);
      expect(serverTakes(max, now), `${max} at ${iso}`).toBe(true);
      const yesterday = new Date(now);
      yesterday.setDate(yesterday.getDate() - 1);
      expect(serverTakes(localDay(yesterday), now)).toBe(false);
      // The schema the server action parses agrees.
      const input = {
        workspaceSlug: "w",
        targetType: "gallery",
        expiry: "date",
        expiresAt: endOfLocalDay(max)?.toISOString(),
      };
      expect(createShareLinkInput.safeParse(input).success).toBe(true);
    }
  });

  it("refuses a day well past the picker's last one", () => {
    const now = at("Pacific/Kiritimati", "2026-12-04T12:00:00Z");
    const beyond = new Date(now);
    beyond.setDate(beyond.getDate() + MAX_EXPIRY_DAYS + 3);
    const end = endOfLocalDay(localDay(beyond));
    expect(end && expiryProblem(end, now.getTime())).toBe("too_far");
  });

  it("keeps the end of the day across a daylight-saving change, and rejects days that don't exist", () => {
    process.env.TZ = "America/Los_Angeles";
    // Clocks go forward on 8 March 2026: that day ends at 23:59:59.999 PDT (UTC-7).
    expect(endOfLocalDay("2026-03-08")?.toISOString()).toBe("2026-03-09T06:59:59.999Z");
    expect(endOfLocalDay("2026-03-07")?.toISOString()).toBe("2026-03-08T07:59:59.999Z");
    expect(endOfLocalDay("2026-02-30")).toBeNull();
    expect(endOfLocalDay("tomorrow")).toBeNull();
  });
});
