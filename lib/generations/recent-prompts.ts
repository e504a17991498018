import "server-only";
import { db } from "@/lib/db";

export interface RecentPrompt {
  prompt: string;
  promptOptimizer: boolean;
  takes: number;
  createdAt: string;
}

const RECENT = 12;
// Presses read to find that many different prompts: the same prompt is often pressed again.
const SCAN = 120;

/**
 * A person's recent presses of Generate in a workspace, newest first, one entry per prompt and
 * optimizer setting (its latest press): what the editor's Recent menu brings back.
 */
export async function listRecentPrompts(args: {
  workspaceId: string;
  authorId: string;
}): Promise<RecentPrompt[]> {
  const rows = await db.generation.findMany({
    where: { workspaceId: args.workspaceId, authorId: args.authorId, take: 1, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SCAN,
    select: { prompt: true, promptOptimizer: true, takeCount: true, createdAt: true },
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
      createdAt: row.createdAt.toISOString(),
    });
    if (recent.length === RECENT) break;
  }
  return recent;
}
