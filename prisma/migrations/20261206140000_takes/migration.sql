-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "shotId" TEXT;
ALTER TABLE "Generation" ADD COLUMN "take" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Generation" ADD COLUMN "takeCount" INTEGER NOT NULL DEFAULT 1;

-- Every generation made before takes is a shot of its own.
UPDATE "Generation" SET "shotId" = "id";

-- DropIndex
DROP INDEX "Generation_workspaceId_idempotencyKey_key";

-- CreateIndex
CREATE UNIQUE INDEX "Generation_workspaceId_idempotencyKey_take_key" ON "Generation"("workspaceId", "idempotencyKey", "take");

-- CreateIndex
CREATE INDEX "Generation_shotId_idx" ON "Generation"("shotId");
