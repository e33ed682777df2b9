-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "failedSignInsSince" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SignInLockout" (
    "userId" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "since" TIMESTAMPTZ(3),
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "SignInLockout_pkey" PRIMARY KEY ("userId","address")
);

-- AddForeignKey
ALTER TABLE "SignInLockout" ADD CONSTRAINT "SignInLockout_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
