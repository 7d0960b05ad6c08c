CREATE TYPE "public"."date_format" AS ENUM('auto', 'dmy_numeric', 'dmy_text', 'mdy', 'iso');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "date_format" date_format DEFAULT 'auto' NOT NULL;