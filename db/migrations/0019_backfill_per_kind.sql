-- One backfill row per kind of item instead of one for tasks: the tasks' row keeps its state, and
-- a kind with no row (calendar entries, which older entries and the demo seed left without
-- timelines) is walked from the start by the next reconcile (lib/timelines/backfill.ts).
ALTER TABLE "timeline_backfill" DROP CONSTRAINT "timeline_backfill_singleton";--> statement-breakpoint
ALTER TABLE "timeline_backfill" ADD COLUMN "item_type" text;--> statement-breakpoint
UPDATE "timeline_backfill" SET "item_type" = 'task';--> statement-breakpoint
ALTER TABLE "timeline_backfill" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "timeline_backfill" ALTER COLUMN "item_type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "timeline_backfill" ADD PRIMARY KEY ("item_type");
