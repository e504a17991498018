import { describe, expect, it } from "vitest";
import type { GenerationDto } from "@/lib/generations/dto";
import { comparableTakes, groupShots, leadTake } from "@/lib/generations/shots";

function take(
  id: string,
  shot: { id: string; take: number; takes: number; kept?: boolean },
  ready = false,
): GenerationDto {
  return {
    id,
    prompt: `prompt ${id}`,
    promptOptimizer: true,
    model: "hailuo/02-text-to-video-pro",
    duration: "6",
    resolution: "1080P",
    estimatedCredits: 57,
    startImage: null,
    endImage: null,
    state: ready ? "success" : "generating",
    submitStatus: null,
    shot: { kept: false, ...shot },
    failCode: null,
    failMsg: null,
    credits: null,
    author: { id: "u1", email: "a@example.com" },
    createdAt: "2026-12-06T10:00:00.000Z",
    finishedAt: null,
    providerCostMs: null,
    finalSource: null,
    media: {
      state: ready ? "stored" : null,
      error: null,
      errorCode: null,
      videoUrl: ready ? `/v/${id}` : null,
      playUrl: ready ? `/v/${id}` : null,
      posterUrl: null,
      downloadUrl: null,
      durationMs: null,
      width: null,
      height: null,
      bytes: null,
    },
  };
}

describe("groupShots", () => {
  it("makes one shot of a press's takes, in take order, where the shot first appears", () => {
    const list = [
      take("b1", { id: "b1", take: 1, takes: 3 }),
      take("b3", { id: "b1", take: 3, takes: 3 }),
      take("b2", { id: "b1", take: 2, takes: 3 }),
      take("a", { id: "a", take: 1, takes: 1 }),
    ];
    const shots = groupShots(list);
    expect(shots.map((s) => s.id)).toEqual(["b1", "a"]);
    expect(shots[0]?.takes.map((g) => g.id)).toEqual(["b1", "b2", "b3"]);
  });

  it("joins takes that arrive apart (a page boundary, a live update) into their shot", () => {
    const list = [
      take("c1", { id: "c1", take: 1, takes: 2 }),
      take("x", { id: "x", take: 1, takes: 1 }),
      take("c2", { id: "c1", take: 2, takes: 2 }),
    ];
    expect(groupShots(list).map((s) => s.takes.map((g) => g.id))).toEqual([["c1", "c2"], ["x"]]);
  });

  it("keeps a filtered list's single takes as shots of what it has", () => {
    const shots = groupShots([take("d2", { id: "d1", take: 2, takes: 4 })]);
    expect(shots).toEqual([{ id: "d1", takes: [expect.objectContaining({ id: "d2" })] }]);
  });
});

describe("leadTake", () => {
  const shot = { id: "s", takes: 3 };
  it("is the kept take, whatever its place", () => {
    const takes = [
      take("1", { ...shot, take: 1 }, true),
      take("2", { ...shot, take: 2 }, true),
      take("3", { ...shot, take: 3, kept: true }, true),
    ];
    expect(leadTake(takes)?.id).toBe("3");
  });
  it("else the first ready take, else the first still coming, else take 1", () => {
    const busy = [take("1", { ...shot, take: 1 }), take("2", { ...shot, take: 2 }, true)];
    expect(leadTake(busy)?.id).toBe("2");
    const failed = { ...take("1", { ...shot, take: 1 }), state: "fail" as const };
    expect(leadTake([failed, take("2", { ...shot, take: 2 })])?.id).toBe("2");
    // Sent, and kie.ai never answered: it waits for the person, not for time.
    const lost = {
      ...take("2", { ...shot, take: 2 }),
      state: "submitting" as const,
      submitStatus: "unknown" as const,
    };
    expect(leadTake([failed, lost])?.id).toBe("1");
    expect(leadTake([])).toBeUndefined();
  });
  it("compares only the takes that can be played", () => {
    const takes = [take("1", { ...shot, take: 1 }, true), take("2", { ...shot, take: 2 })];
    expect(comparableTakes(takes).map((g) => g.id)).toEqual(["1"]);
  });
});
