-- CreateTable
CREATE TABLE "MemberRemoval" (
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "removedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "workspaceId"),
    CONSTRAINT "MemberRemoval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MemberRemoval_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MemberRemoval_workspaceId_idx" ON "MemberRemoval"("workspaceId");

