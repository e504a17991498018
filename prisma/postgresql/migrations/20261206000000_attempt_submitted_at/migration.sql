-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "submittedAt" TIMESTAMP(3);

-- A generation retried in place has had more than one kie.ai task: its current attempt started
-- with the newest task created for it. One with a single attempt keeps counting from createdAt.
UPDATE "Generation" SET "submittedAt" = (
  SELECT MAX("receivedAt") FROM "ProviderEvent"
  WHERE "ProviderEvent"."generationId" = "Generation"."id" AND "ProviderEvent"."source" = 'create'
) WHERE (
  SELECT COUNT(*) FROM "ProviderEvent"
  WHERE "ProviderEvent"."generationId" = "Generation"."id" AND "ProviderEvent"."source" = 'create'
) > 1;
