import type { KieFailure } from "@/lib/kie/errors";

/** GET /api/w/:slug/credits — safe for any member's browser: no key, no hint. */
export interface CreditsDto {
  /** kie.ai's balance for the key the workspace uses, or null when it could not be read. */
  balance: number | null;
  /** Why the balance could not be read, in English. */
  error: string | null;
  /** The same, for words in the reader's language. */
  failure: KieFailure | null;
  checkedAt: string;
  budget: { limit: number | null; used: number };
  /** The caller's own monthly budget in this workspace, when an admin set one. */
  memberBudget: { limit: number; used: number } | null;
}
