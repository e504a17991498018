import { describe, expect, it } from "vitest";
import { nextPollDelayMs } from "@/lib/generations/poll-schedule";
import {
  advance,
  GENERATION_STATES,
  type GenerationState,
  isFinal,
  type ProviderState,
} from "@/lib/generations/state-machine";

const REPORTS: ProviderState[] = ["waiting", "queuing", "generating", "success", "fail"];

describe("the generation state machine", () => {
  it("moves forward along kie.ai's path", () => {
    expect(advance("submitting", "waiting")).toBe("waiting");
    expect(advance("waiting", "queuing")).toBe("queuing");
    expect(advance("queuing", "generating")).toBe("generating");
    expect(advance("generating", "success")).toBe("success");
    expect(advance("generating", "fail")).toBe("fail");
  });

  it("may skip states it never saw (a callback after a long silence)", () => {
    expect(advance("waiting", "success")).toBe("success");
    expect(advance("submitting", "generating")).toBe("generating");
  });

  it("never goes back: a late or out-of-order report changes nothing", () => {
    expect(advance("generating", "waiting")).toBeNull();
    expect(advance("generating", "queuing")).toBeNull();
    expect(advance("queuing", "queuing")).toBeNull();
  });

  it("keeps final states final, whatever arrives later", () => {
    for (const final of ["success", "fail"] as GenerationState[]) {
      for (const report of REPORTS) expect(advance(final, report)).toBeNull();
    }
  });

  it("lets a report about its task claim a submission whose answer never came", () => {
    expect(advance("error", "generating")).toBe("generating");
    expect(advance("error", "success")).toBe("success");
  });

  it("defines exactly two final states", () => {
    expect(GENERATION_STATES.filter(isFinal)).toEqual(["success", "fail"]);
  });
});

describe("the reconciler's schedule", () => {
  it("polls every 2–3 s at first, 5–10 s after 30 s, 15–30 s after two minutes", () => {
    for (const r of [0, 0.5, 0.999]) {
      const rand = () => r;
      expect(nextPollDelayMs(0, 1, rand)).toBeGreaterThanOrEqual(2_000);
      expect(nextPollDelayMs(29_000, 1, rand)).toBeLessThanOrEqual(3_000);
      expect(nextPollDelayMs(31_000, 1, rand)).toBeGreaterThanOrEqual(5_000);
      expect(nextPollDelayMs(119_000, 1, rand)).toBeLessThanOrEqual(10_000);
      expect(nextPollDelayMs(121_000, 1, rand)).toBeGreaterThanOrEqual(15_000);
      expect(nextPollDelayMs(3_600_000, 1, rand)).toBeLessThanOrEqual(30_000);
    }
  });

  it("scales for a faster simulator", () => {
    expect(nextPollDelayMs(0, 0.1, () => 0)).toBe(200);
  });
});
