-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "duration" TEXT NOT NULL DEFAULT '6';
ALTER TABLE "Generation" ADD COLUMN "resolution" TEXT NOT NULL DEFAULT '1080P';
ALTER TABLE "Generation" ADD COLUMN "contentFilter" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Generation" ADD COLUMN "estimatedCredits" INTEGER NOT NULL DEFAULT 57;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "contentFilter" BOOLEAN NOT NULL DEFAULT false;
