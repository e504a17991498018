export type ShareTargetProp =
  | { type: "generation"; generationId: string }
  | { type: "collection"; collectionId: string }
  | { type: "shot"; shotId: string }
  | { type: "gallery" };

export const shareKeys = {
  all: (slug: string) => ["shares", slug] as const,
  target: (slug: string, target: ShareTargetProp) => ["shares", slug, target] as const,
};
