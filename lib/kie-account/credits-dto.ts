/** GET /api/w/:slug/credits — safe for any member's browser: no key, no hint. */
export interface CreditsDto {
  /** kie.ai's balance for the key the workspace uses, or null when it could not be read. */
  balance: number | null;
  /** kie.ai's reason when the balance could not be read. */
  error: string | null;
  checkedAt: string;
  budget: { limit: number | null; used: number };
}
