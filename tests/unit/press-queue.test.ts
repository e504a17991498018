import { describe, expect, it } from "vitest";
import { isBusy, statusKind } from "@/components/gallery/status";
import type { GenerationDto } from "@/lib/generations/dto";
import { isOnItsWay, isReadyVideo } from "@/lib/generations/on-its-way";
import { queuedPresses, queuePhase } from "@/lib/generations/press-queue";
import { leadTake } from "@/lib/generations/shots";
import { GENERATION_STATES } from "@/lib/generations/state-machine";

type Shape = Pick<GenerationDto, "state" | "submitStatus"> & {
  media?: Partial<GenerationDto["media"]>;
};

function take(
  id: string,
  shot: { id: string; take: number; takes: number },
  shape: Shape,
  extra: { author?: string; createdAt?: string } = {},
): GenerationDto {
  return {
    id,
    prompt: `prompt of ${shot.id}`,
    promptOptimizer: true,
    model: "hailuo/02-text-to-video-pro",
    duration: "6",
    resolution: "1080P",
    estimatedCredits: 57,
    startImage: null,
    endImage: null,
    state: shape.state,
    submitStatus: shape.submitStatus,
    shot: { kept: false, ...shot },
    failCode: null,
    failMsg: null,
    credits: null,
    author: { id: extra.author ?? "me", email: "me@example.com" },
    createdAt: extra.createdAt ?? "2026-12-06T10:00:00.000Z",
    finishedAt: null,
    providerCostMs: null,
    finalSource: null,
    media: {
      state: null,
      error: null,
      errorCode: null,
      videoUrl: null,
      playUrl: null,
      posterUrl: null,
      downloadUrl: null,
      durationMs: null,
      width: null,
      height: null,
      bytes: null,
      ...shape.media,
    },
  };
}

const held: Shape = { state: "submitting", submitStatus: "held" };
const queued: Shape = { state: "submitting", submitStatus: "queued" };
const sending: Shape = { state: "submitting", submitStatus: null };
const unknown: Shape = { state: "submitting", submitStatus: "unknown" };
const generating: Shape = { state: "generating", submitStatus: null };
const saving: Shape = { state: "success", submitStatus: null, media: { state: "pending" } };
const ready: Shape = {
  state: "success",
  submitStatus: null,
  media: { state: "stored", videoUrl: "/v" },
};
const unsaved: Shape = { state: "success", submitStatus: null, media: { state: "failed" } };
const cancelled: Shape = { state: "error", submitStatus: null };

describe("queuePhase", () => {
  it("names where a take on its way is, and nothing for one that has stopped", () => {
    const one = { id: "s", take: 1, takes: 1 };
    expect(queuePhase(take("a", one, held))).toBe("unsent");
    expect(queuePhase(take("a", one, queued))).toBe("unsent");
    expect(queuePhase(take("a", one, sending))).toBe("sending");
    expect(queuePhase(take("a", one, { state: "waiting", submitStatus: null }))).toBe("atKie");
    expect(queuePhase(take("a", one, { state: "queuing", submitStatus: null }))).toBe("atKie");
    expect(queuePhase(take("a", one, generating))).toBe("atKie");
    expect(queuePhase(take("a", one, saving))).toBe("saving");
    // Sent without an answer: it needs the person, not the queue.
    expect(queuePhase(take("a", one, unknown))).toBeNull();
    for (const ended of [ready, unsaved, cancelled, { state: "fail", submitStatus: null } as Shape])
      expect(queuePhase(take("a", one, ended))).toBeNull();
  });
});

describe("queuedPresses", () => {
  it("gathers a person's takes on their way by press, newest press first, counting each phase", () => {
    const a = { id: "A", takes: 4 };
    const b = { id: "B", takes: 1 };
    const list = [
      take("b1", { ...b, take: 1 }, generating, { createdAt: "2026-12-06T10:05:00.000Z" }),
      take("a1", { ...a, take: 1 }, ready),
      take("a2", { ...a, take: 2 }, generating),
      take("a3", { ...a, take: 3 }, held),
      take("a4", { ...a, take: 4 }, queued),
      // Someone else's press is not in my queue.
      take("c1", { id: "C", take: 1, takes: 1 }, held, { author: "other" }),
    ];
    const presses = queuedPresses(list, "me");
    expect(presses.map((p) => p.shotId)).toEqual(["B", "A"]);
    const [second, first] = presses;
    expect(first?.counts).toEqual({ unsent: 2, sending: 0, atKie: 1, saving: 0 });
    expect(first?.unsentIds).toEqual(["a3", "a4"]);
    expect(first?.takes).toBe(4);
    expect(second?.counts).toEqual({ unsent: 0, sending: 0, atKie: 1, saving: 0 });
    expect(second?.firstId).toBe("b1");
  });

  it("counts a take once when two lists hold it (the first copy wins), and drops a press once all its takes ended", () => {
    const s = { id: "S", takes: 2 };
    const fresh = [take("s1", { ...s, take: 1 }, held), take("s2", { ...s, take: 2 }, cancelled)];
    const stale = [take("s2", { ...s, take: 2 }, held)];
    expect(queuedPresses([...fresh, ...stale], "me")[0]?.unsentIds).toEqual(["s1"]);
    const ended = [take("s1", { ...s, take: 1 }, cancelled), take("s2", { ...s, take: 2 }, ready)];
    expect(queuedPresses(ended, "me")).toEqual([]);
  });
});

describe("one rule for what is on its way", () => {
  // Every state, with every answer kie.ai may have given its submission, and every copy state.
  const shapes: Shape[] = GENERATION_STATES.flatMap((state) =>
    (["held", "queued", "unknown", null] as const).flatMap((submitStatus) =>
      [
        { state: null, videoUrl: null },
        { state: "pending", videoUrl: null },
        { state: "stored", videoUrl: "/v" },
        { state: "failed", videoUrl: null },
      ].map((media) => ({ state, submitStatus, media }) as Shape),
    ),
  );

  it("is what the gallery's badge calls busy, the queue shows, and a shot's card leads with", () => {
    expect(shapes).toHaveLength(GENERATION_STATES.length * 16);
    for (const shape of shapes) {
      const g = take("g", { id: "s", take: 1, takes: 2 }, shape);
      const failed = take(
        "f",
        { id: "s", take: 2, takes: 2 },
        { state: "fail", submitStatus: null },
      );
      const onItsWay = isOnItsWay(g);
      const where = JSON.stringify(shape);
      expect(isBusy(statusKind(g)), where).toBe(onItsWay);
      expect(queuePhase(g) !== null, where).toBe(onItsWay);
      // Beside a failed take, the card shows the one still coming (or ready) first.
      const leads = leadTake([failed, g])?.id === "g";
      expect(leads, where).toBe(onItsWay || isReadyVideo(g));
    }
  });
});
