import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createGeneration } from "@/lib/generations/create-generation";
import {
  generationRow,
  newWorkspace,
  submissionSettled,
  waitForState,
} from "@/tests/support/studio";

// Generate answers once the generation is recorded; kie.ai is asked in the background, so the
// person's next press never waits for the last one's createTask.

describe("Generate", () => {
  it("answers before kie.ai does, and the generation goes on to its answer", async () => {
    const ctx = await newWorkspace();
    const press = (prompt: string) =>
      createGeneration({
        workspace: ctx.workspace,
        authorId: ctx.userId,
        prompt,
        promptOptimizer: true,
        idempotencyKey: randomUUID(),
      });
    // createTask never answers (the studio gives up after KIE_TIMEOUT_MS, 5 s here).
    const hanging = await press(`a moth at a lamp ${randomUUID()} [sim:timeout] [sim:nocallback]`);
    expect(hanging.state).toBe("submitting");
    expect([null, "sending"]).toContain(hanging.submitStatus);
    // The next press is taken while the first is still being sent: no answer yet, not given up.
    const next = await press("雨夜的霓虹街道，一只猫慢慢走过");
    expect([null, "sending"]).toContain((await generationRow(hanging.id)).submitStatus);
    expect(next.state).toBe("submitting");

    await waitForState(next.id, ["success"]);
    await submissionSettled(hanging.id);
    const after = await generationRow(hanging.id);
    // No answer: the outcome is unknown (a callback may still claim it), as it always was.
    expect([after.state, after.failCode, after.submitStatus]).toEqual([
      "error",
      "no_response",
      "unknown",
    ]);
  });

  it("a replayed press, while its first answer is still being sent, is the same generation", async () => {
    const ctx = await newWorkspace();
    const args = {
      workspace: ctx.workspace,
      authorId: ctx.userId,
      prompt: `a kite over green hills ${randomUUID()} [sim:slow]`,
      promptOptimizer: false,
      idempotencyKey: randomUUID(),
    };
    const [a, b] = await Promise.all([createGeneration(args), createGeneration(args)]);
    expect(b.id).toBe(a.id);
    await submissionSettled(a.id);
    expect((await generationRow(a.id)).submitAttempts).toBe(1);
  });
});
