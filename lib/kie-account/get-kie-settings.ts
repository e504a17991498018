import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { monthlyUsage } from "@/lib/kie-account/monthly-usage";
import { workspaceKieKeys } from "@/lib/kie-account/workspace-kie-keys";

export type KeyStatus = "set" | "not_set" | "unreadable";

export interface KieSettings {
  apiKey: { status: KeyStatus; hint: string | null };
  hmacKey: { status: KeyStatus };
  /** What a workspace without its own key uses. */
  serverDefault: "simulator" | "server_key";
  budget: { limit: number | null; used: number };
  /** kie.ai's content filter, sent with every new task. */
  contentFilter: boolean;
  members: {
    userId: string;
    email: string;
    role: string;
    limit: number | null;
    used: number;
  }[];
}

function status(state: "none" | "set" | "unreadable"): KeyStatus {
  return state === "none" ? "not_set" : state;
}

/** What the kie.ai settings page shows: whether keys are set (masked), budgets and usage. */
export async function getKieSettings(workspaceId: string): Promise<KieSettings> {
  const [workspace, keys, used, memberships] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { kieApiKeyHint: true, monthlyCreditLimit: true, contentFilter: true },
    }),
    workspaceKieKeys(workspaceId),
    monthlyUsage({ workspaceId }),
    db.membership.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        monthlyCreditLimit: true,
        user: { select: { id: true, email: true } },
      },
    }),
  ]);
  const members = await Promise.all(
    memberships.map(async (m) => ({
      userId: m.user.id,
      email: m.user.email,
      role: m.role,
      limit: m.monthlyCreditLimit,
      used: await monthlyUsage({ workspaceId, authorId: m.user.id }),
    })),
  );
  return {
    apiKey: {
      status: status(keys.apiKey.state),
      hint: keys.apiKey.state === "none" ? null : workspace.kieApiKeyHint,
    },
    hmacKey: { status: status(keys.hmacKey.state) },
    serverDefault: env().usingSimulator ? "simulator" : "server_key",
    budget: { limit: workspace.monthlyCreditLimit, used },
    contentFilter: workspace.contentFilter,
    members,
  };
}
