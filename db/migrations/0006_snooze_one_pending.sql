ALTER TABLE "reminder_snoozes" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written (drizzle-kit cannot generate data changes): snoozes whose moment has passed
-- count as sent, and of several still-pending snoozes of one person for one task only the latest
-- press stays, as the new rule would have left it; otherwise the unique index cannot be built.
UPDATE "reminder_snoozes" SET "sent_at" = "fire_at" WHERE "fire_at" <= now();--> statement-breakpoint
DELETE FROM "reminder_snoozes" AS older USING "reminder_snoozes" AS newer
  WHERE older."sent_at" IS NULL AND newer."sent_at" IS NULL
    AND newer."task_id" = older."task_id" AND newer."recipient_id" = older."recipient_id"
    AND (newer."created_at", newer."id") > (older."created_at", older."id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_snoozes_one_pending" ON "reminder_snoozes" USING btree ("task_id","recipient_id") WHERE "reminder_snoozes"."sent_at" IS NULL;
