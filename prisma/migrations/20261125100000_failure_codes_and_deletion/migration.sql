-- AlterTable
ALTER TABLE "Generation" ADD COLUMN "mediaErrorCode" TEXT;
ALTER TABLE "Generation" ADD COLUMN "deletedAt" DATETIME;

-- kie.ai gave no reason for these failures: the sentence was the studio's, which screens now word themselves.
UPDATE "Generation" SET "failMsg" = NULL WHERE "failCode" = 'failed' AND "failMsg" = 'kie.ai could not generate this video';

-- Submissions the studio stopped itself were recorded under kie.ai's kinds of failure; they get the
-- studio's own reasons, so screens do not present the studio's words as kie.ai's.
UPDATE "Generation" SET "failCode" = 'key_unreadable' WHERE "failCode" = 'auth' AND "failMsg" = 'The workspace''s kie.ai key can''t be read; an admin must set it again';
UPDATE "Generation" SET "failCode" = 'key_missing' WHERE "failCode" = 'auth' AND "failMsg" = 'No kie.ai API key is configured';
UPDATE "Generation" SET "failCode" = 'key_unsendable' WHERE "failCode" = 'auth' AND "failMsg" = 'The kie.ai API key contains characters that cannot be sent';
UPDATE "Generation" SET "failCode" = 'base_url_invalid' WHERE "failCode" = 'network' AND "failMsg" = 'The kie.ai base URL is not a valid URL';
UPDATE "Generation" SET "failCode" = 'request_invalid' WHERE "failCode" = 'validation' AND ("failMsg" IN ('The prompt is empty', 'The callback URL is not a valid http(s) URL', 'A task id is required', 'The file URL is not a valid http(s) URL') OR "failMsg" LIKE 'The prompt is % characters long; kie.ai accepts at most %');
