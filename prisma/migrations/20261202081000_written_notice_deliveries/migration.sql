-- CreateEnum
CREATE TYPE "DeliveryMethod" AS ENUM ('ONLINE', 'EMAIL', 'SMS', 'POST', 'IN_PERSON', 'PHONE');

-- CreateTable
CREATE TABLE "NoticeDelivery" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "eventId" BIGINT NOT NULL,
    "method" "DeliveryMethod" NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3) NOT NULL,
    "trackingNo" TEXT,
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NoticeDelivery_caseId_kind_idx" ON "NoticeDelivery"("caseId", "kind");

-- CreateIndex
CREATE INDEX "NoticeDelivery_eventId_idx" ON "NoticeDelivery"("eventId");

-- AddForeignKey
ALTER TABLE "NoticeDelivery" ADD CONSTRAINT "NoticeDelivery_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
