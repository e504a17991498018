-- AlterTable
ALTER TABLE "Generation" ADD COLUMN     "endImageId" TEXT,
ADD COLUMN     "startImageId" TEXT;

-- CreateTable
CREATE TABLE "SourceImage" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "uploaderId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "kieUrl" TEXT,
    "kieUrlUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceImage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceImage_key_key" ON "SourceImage"("key");

-- CreateIndex
CREATE INDEX "SourceImage_workspaceId_createdAt_idx" ON "SourceImage"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Generation_startImageId_idx" ON "Generation"("startImageId");

-- CreateIndex
CREATE INDEX "Generation_endImageId_idx" ON "Generation"("endImageId");

-- AddForeignKey
ALTER TABLE "Generation" ADD CONSTRAINT "Generation_startImageId_fkey" FOREIGN KEY ("startImageId") REFERENCES "SourceImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Generation" ADD CONSTRAINT "Generation_endImageId_fkey" FOREIGN KEY ("endImageId") REFERENCES "SourceImage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceImage" ADD CONSTRAINT "SourceImage_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

