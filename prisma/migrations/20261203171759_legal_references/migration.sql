-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "legalReferences" JSONB NOT NULL DEFAULT '[]';
