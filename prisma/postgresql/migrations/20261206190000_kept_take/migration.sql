-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "keptAt" TIMESTAMP(3);
