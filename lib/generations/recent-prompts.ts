import "server-only";
import { db } from "@/lib/db";

export interface RecentPrompt {
  prompt: string;
  promptOptimizer: boolean;
  takes: number;
  /** What it was made with: the model, and the length and size asked of kie.ai. */
  model: string;
  duration: string;
  resolution: string;
  createdAt: string;
}

const RECENT = 12;
// Presses read to find that many different prompts: the same prompt is often pressed again.
const SCAN = 120;

/**
 * A person's recent presses of Generate in a workspace, newest first, one entry per prompt and
 * optimizer setting (its latest press, with the model it used then): what the editor's Recent menu brings back.
 */
export async function listRecentPrompts(args: {
  workspaceId: string;
  authorId: string;
}): Promise<RecentPrompt[]> {
  const rows = await db.generation.findMany({
    where: { workspaceId: args.workspaceId, authorId: args.authorId, take: 1, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SCAN,
    select: {
      prompt: true,
      promptOptimizer: true,
      takeCount: true,
      model: true,
      duration: true,
      resolution: true,
      createdAt: true,
    },
  });
  const seen = new Set<string>();
  const recent: RecentPrompt[] = [];
  for (const row of rows) {
    const key = `${row.promptOptimizer ? 1 : 0}${row.prompt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    recent.push({
      prompt: row.prompt,
      promptOptimizer: row.promptOptimizer,
      takes: row.takeCount,
      model: row.model,
      duration: row.duration,
      resolution: row.resolution,
      createdAt: row.createdAt.toISOString(),
    });
    if (recent.length === RECENT) break;
  }
  return recent;
}
