-- CreateTable
CREATE TABLE "SourceImage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "uploaderId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "kieUrl" TEXT,
    "kieUrlUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SourceImage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: added in place, not by rebuilding the table, so the prompt search index's triggers
-- on "Generation" stay
ALTER TABLE "Generation" ADD COLUMN "startImageId" TEXT REFERENCES "SourceImage" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Generation" ADD COLUMN "endImageId" TEXT REFERENCES "SourceImage" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Generation_startImageId_idx" ON "Generation"("startImageId");
CREATE INDEX "Generation_endImageId_idx" ON "Generation"("endImageId");
CREATE UNIQUE INDEX "SourceImage_key_key" ON "SourceImage"("key");
CREATE INDEX "SourceImage_workspaceId_createdAt_idx" ON "SourceImage"("workspaceId", "createdAt");
