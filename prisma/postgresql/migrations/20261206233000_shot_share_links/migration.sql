-- AlterTable
ALTER TABLE "ShareLink" ADD COLUMN "shotId" TEXT;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_shotId_fkey" FOREIGN KEY ("shotId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
