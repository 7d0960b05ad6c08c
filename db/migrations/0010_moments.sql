CREATE TYPE "public"."moment_outcome" AS ENUM('skipped_past', 'no_recipient');--> statement-breakpoint
CREATE TABLE "moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"moment_key" text NOT NULL,
	"kind" timeline_moment_kind NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recipient_id" uuid,
	"channel" "notification_channel",
	"level" integer,
	"due_at" timestamp with time zone,
	"snooze_id" uuid,
	"sent_at" timestamp with time zone,
	"notification_id" uuid,
	"outcome" "moment_outcome",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "moments_sent_or_settled" CHECK ("moments"."sent_at" IS NULL OR "moments"."outcome" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "timeline_backfill" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"after_id" uuid,
	"done_at" timestamp with time zone,
	CONSTRAINT "timeline_backfill_singleton" CHECK ("timeline_backfill"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "moments" ADD CONSTRAINT "moments_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moments" ADD CONSTRAINT "moments_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "moments_key" ON "moments" USING btree ("moment_key");--> statement-breakpoint
CREATE INDEX "moments_item_idx" ON "moments" USING btree ("item_type","item_id","at");--> statement-breakpoint
CREATE INDEX "moments_due_idx" ON "moments" USING btree ("at") WHERE "moments"."sent_at" IS NULL AND "moments"."outcome" IS NULL;--> statement-breakpoint
CREATE INDEX "moments_escalated_idx" ON "moments" USING btree ("item_id","due_at") WHERE "moments"."kind" = 'escalation' AND "moments"."sent_at" IS NOT NULL;--> statement-breakpoint
-- Sent moments move over from timeline_firings (each with the version its task has now), so
-- nothing already sent is sent again.
INSERT INTO "moments" ("item_type", "item_id", "version", "moment_key", "kind", "at", "recipient_id", "channel", "level", "due_at", "sent_at", "notification_id")
SELECT 'task', f."task_id", t."version", f."moment_key", f."kind", f."moment_at", f."recipient_id", f."channel", f."level", f."due_at", f."fired_at", f."notification_id"
FROM "timeline_firings" f JOIN "tasks" t ON t."id" = f."task_id"
ON CONFLICT ("moment_key") DO NOTHING;--> statement-breakpoint
-- The pending moments of existing tasks are computed in code: the reconcile writes them in
-- batches until this row says it is done (lib/timelines/backfill.ts).
INSERT INTO "timeline_backfill" ("id") VALUES (1);--> statement-breakpoint
DROP TABLE "reconcile_cursor" CASCADE;--> statement-breakpoint
DROP TABLE "timeline_firings" CASCADE;
