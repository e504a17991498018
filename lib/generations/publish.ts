import "server-only";
import { publishGenerationEvent } from "@/lib/events/bus";

export function publishChange(g: { id: string; workspaceId: string; state: string }): void {
  publishGenerationEvent({ workspaceId: g.workspaceId, generationId: g.id, state: g.state });
}
