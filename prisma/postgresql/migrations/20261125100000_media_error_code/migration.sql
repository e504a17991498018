-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "mediaErrorCode" TEXT;

-- kie.ai gave no reason for these failures: the sentence was the studio's, which screens now word themselves.
UPDATE "Generation" SET "failMsg" = NULL WHERE "failCode" = 'failed' AND "failMsg" = 'kie.ai could not generate this video';
