-- CreateTable
CREATE TABLE "MemberRemoval" (
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberRemoval_pkey" PRIMARY KEY ("userId","workspaceId")
);

-- CreateIndex
CREATE INDEX "MemberRemoval_workspaceId_idx" ON "MemberRemoval"("workspaceId");

-- AddForeignKey
ALTER TABLE "MemberRemoval" ADD CONSTRAINT "MemberRemoval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberRemoval" ADD CONSTRAINT "MemberRemoval_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

