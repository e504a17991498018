-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "keptAt" DATETIME;
