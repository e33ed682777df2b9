-- CreateEnum
CREATE TYPE "AgreementKind" AS ENUM ('MEDIATION', 'SETTLEMENT');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "agreementKind" "AgreementKind",
ADD COLUMN     "agreementParty" TEXT;
