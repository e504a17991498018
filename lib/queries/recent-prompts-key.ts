/** The query key of the person's recent prompts in a workspace (the editor's Recent menu). */
export const recentPromptsKey = (slug: string) => ["recent-prompts", slug] as const;
