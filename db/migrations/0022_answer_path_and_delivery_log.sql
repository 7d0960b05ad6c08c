CREATE TYPE "public"."answer_path" AS ENUM('app', 'link', 'mail_reply');--> statement-breakpoint
ALTER TABLE "calendar_entry_attendees" ADD COLUMN "answered_via" "answer_path";--> statement-breakpoint
ALTER TABLE "calendar_entry_guests" ADD COLUMN "answered_via" "answer_path";--> statement-breakpoint
CREATE INDEX "notifications_invitation_entry_idx" ON "notifications" USING btree (("payload" ->> 'entryId'),"created_at") WHERE "notifications"."payload" -> 'invitation' IS NOT NULL;