-- CreateEnum
CREATE TYPE "ProblemSolved" AS ENUM ('YES', 'PARTLY', 'NO');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('BOOKED', 'CANCELLED', 'ATTENDED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('POLICY', 'FAQ', 'SERVICE_CHANGE');

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedBy" "ActorType" NOT NULL,
    "uploadedById" UUID,
    "purpose" TEXT NOT NULL DEFAULT 'submission',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SatisfactionRating" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "rating" INTEGER NOT NULL,
    "solved" "ProblemSolved" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SatisfactionRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionDay" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "placeZhHans" TEXT NOT NULL,
    "placeZhHant" TEXT NOT NULL,
    "placeEn" TEXT NOT NULL,
    "officialZhHans" TEXT NOT NULL,
    "officialZhHant" TEXT NOT NULL,
    "officialEn" TEXT NOT NULL,
    "unitIds" UUID[],
    "categoryIds" UUID[],
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceptionDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionSlot" (
    "id" UUID NOT NULL,
    "dayId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "bookedCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReceptionSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "cancelCodeHash" TEXT NOT NULL,
    "slotId" UUID NOT NULL,
    "caseId" UUID,
    "name" TEXT,
    "phone" TEXT,
    "topic" TEXT,
    "representatives" INTEGER NOT NULL DEFAULT 1,
    "locale" TEXT NOT NULL DEFAULT 'zh-Hans',
    "status" "AppointmentStatus" NOT NULL DEFAULT 'BOOKED',
    "cancelledAt" TIMESTAMPTZ(3),
    "attendedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "titleZhHans" TEXT NOT NULL,
    "titleZhHant" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyZhHans" TEXT NOT NULL,
    "bodyZhHant" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_caseId_createdAt_idx" ON "Attachment"("caseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRating_caseId_key" ON "SatisfactionRating"("caseId");

-- CreateIndex
CREATE INDEX "ReceptionDay_date_idx" ON "ReceptionDay"("date");

-- CreateIndex
CREATE INDEX "ReceptionSlot_dayId_startsAt_idx" ON "ReceptionSlot"("dayId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_reference_key" ON "Appointment"("reference");

-- CreateIndex
CREATE INDEX "Appointment_slotId_status_idx" ON "Appointment"("slotId", "status");

-- CreateIndex
CREATE INDEX "Appointment_caseId_idx" ON "Appointment"("caseId");

-- CreateIndex
CREATE INDEX "Notice_publishedAt_idx" ON "Notice"("publishedAt");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionSlot" ADD CONSTRAINT "ReceptionSlot_dayId_fkey" FOREIGN KEY ("dayId") REFERENCES "ReceptionDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ReceptionSlot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
