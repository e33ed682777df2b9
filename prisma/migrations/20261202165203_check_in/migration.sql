-- CreateEnum
CREATE TYPE "CheckInChannel" AS ENUM ('EMAIL', 'SMS', 'PHONE');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "checkInAnswer" "ProblemSolved",
ADD COLUMN     "checkInAnsweredAt" TIMESTAMPTZ(3),
ADD COLUMN     "checkInChannel" "CheckInChannel",
ADD COLUMN     "checkInSentAt" TIMESTAMPTZ(3),
ADD COLUMN     "checkInWords" TEXT;

-- CreateIndex
CREATE INDEX "Case_checkInChannel_checkInSentAt_idx" ON "Case"("checkInChannel", "checkInSentAt");
