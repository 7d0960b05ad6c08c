CREATE TABLE "calendar_occurrence_overrides" (
	"entry_id" uuid NOT NULL,
	"recurrence_id" timestamp with time zone NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"title" text,
	"location" text,
	"description" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_occurrence_overrides_entry_id_recurrence_id_pk" PRIMARY KEY("entry_id","recurrence_id"),
	CONSTRAINT "calendar_occurrence_overrides_time_shape" CHECK (("calendar_occurrence_overrides"."starts_at" IS NULL AND "calendar_occurrence_overrides"."ends_at" IS NULL) OR "calendar_occurrence_overrides"."ends_at" > "calendar_occurrence_overrides"."starts_at"),
	CONSTRAINT "calendar_occurrence_overrides_title_not_blank" CHECK ("calendar_occurrence_overrides"."title" IS NULL OR length(btrim("calendar_occurrence_overrides"."title")) > 0),
	CONSTRAINT "calendar_occurrence_overrides_changes_something" CHECK ("calendar_occurrence_overrides"."cancelled" OR "calendar_occurrence_overrides"."starts_at" IS NOT NULL OR "calendar_occurrence_overrides"."title" IS NOT NULL OR "calendar_occurrence_overrides"."location" IS NOT NULL OR "calendar_occurrence_overrides"."description" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD COLUMN "recurrence_rule" text;--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD COLUMN "recurrence_zone" text;--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD COLUMN "recurrence_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD COLUMN "recurrence_count" integer;--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD COLUMN "series_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_occurrence_overrides" ADD CONSTRAINT "calendar_occurrence_overrides_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."calendar_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_entries_series_idx" ON "calendar_entries" USING btree ("calendar_id","starts_at") WHERE "calendar_entries"."recurrence_rule" IS NOT NULL AND "calendar_entries"."cancelled_at" IS NULL;--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD CONSTRAINT "calendar_entries_series_shape" CHECK (("calendar_entries"."recurrence_rule" IS NULL AND "calendar_entries"."recurrence_zone" IS NULL AND "calendar_entries"."recurrence_until" IS NULL AND "calendar_entries"."recurrence_count" IS NULL AND "calendar_entries"."series_ends_at" IS NULL)
        OR ("calendar_entries"."recurrence_rule" IS NOT NULL AND "calendar_entries"."recurrence_zone" IS NOT NULL AND NOT "calendar_entries"."all_day"
          AND ("calendar_entries"."recurrence_until" IS NULL OR "calendar_entries"."recurrence_count" IS NULL)
          AND ("calendar_entries"."recurrence_count" IS NULL OR "calendar_entries"."recurrence_count" BETWEEN 1 AND 1000)
          AND ("calendar_entries"."recurrence_until" IS NULL OR "calendar_entries"."recurrence_until" >= "calendar_entries"."starts_at")));