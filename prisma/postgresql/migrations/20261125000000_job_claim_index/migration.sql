-- DropIndex
DROP INDEX "Job_runAt_idx";

-- CreateIndex
CREATE INDEX "Job_failedAt_runAt_idx" ON "Job"("failedAt", "runAt");

