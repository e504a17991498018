import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createGeneration } from "@/lib/generations/create-generation";
import type { Simulator } from "@/lib/kie/simulator/server";
import { signUp } from "@/lib/users/sign-up";

export function studio(): { sim: Simulator; dir: string } {
  return (globalThis as unknown as { __studio: { sim: Simulator; dir: string } }).__studio;
}

export async function newWorkspace() {
  const email = `it-${randomUUID()}@example.com`;
  const { userId, slug } = await signUp({ email, password: "correct horse battery" });
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true },
  });
  return { userId, workspace };
}

export async function generate(
  ctx: { userId: string; workspace: { id: string; slug: string } },
  prompt: string,
  extra: { idempotencyKey?: string; promptOptimizer?: boolean } = {},
) {
  return createGeneration({
    workspace: ctx.workspace,
    authorId: ctx.userId,
    prompt,
    promptOptimizer: extra.promptOptimizer ?? true,
    idempotencyKey: extra.idempotencyKey ?? randomUUID(),
  });
}

/** Waits until `check` returns a value, or fails with the last value seen. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function generationRow(id: string) {
  return db.generation.findUniqueOrThrow({ where: { id } });
}

export async function waitForState(id: string, states: string[], timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const g = await generationRow(id);
      return states.includes(g.state) ? g : null;
    },
    { timeoutMs, what: `generation ${id} to reach ${states.join("/")}` },
  );
}

/** A generation that succeeded and whose video the studio has stored: its id. */
export async function readyVideo(
  ctx: { userId: string; workspace: { id: string; slug: string } },
  prompt: string,
): Promise<string> {
  const dto = await generate(ctx, prompt);
  await waitForState(dto.id, ["success"], 60_000);
  await waitFor(async () => (await generationRow(dto.id)).mediaState === "stored", {
    timeoutMs: 60_000,
    what: `media of ${dto.id}`,
  });
  return dto.id;
}
