-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateTable
CREATE TABLE "CalendarDay" (
    "day" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" VARCHAR(100),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("day")
);
