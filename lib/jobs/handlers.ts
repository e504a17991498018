import "server-only";
import { z } from "zod";
import { storeMedia } from "@/lib/generations/store-media";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { syncGeneration } from "@/lib/generations/sync-generation";
import { registerJobHandlers } from "@/lib/jobs/worker";

const generationRef = z.object({ generationId: z.string() });
const syncPayload = generationRef.extend({
  reason: z.enum(["callback", "poll"]),
  creditsConsumed: z.number().nullable().optional(),
});

/** Every kind of background job, by name. Payloads are checked: a job row is input too. */
export function registerAllJobHandlers(): void {
  registerJobHandlers({
    submit: async (p) => submitGeneration(generationRef.parse(p).generationId),
    sync: async (p) => syncGeneration(syncPayload.parse(p)),
    "store-media": async (p, ctx) => storeMedia(generationRef.parse(p).generationId, ctx),
  });
}
