CREATE TABLE "calendar_entry_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"offset_minutes" integer,
	"fire_at" timestamp with time zone,
	"channel" "notification_channel",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_entry_reminders_one_moment" CHECK (("calendar_entry_reminders"."offset_minutes" IS NULL) <> ("calendar_entry_reminders"."fire_at" IS NULL)),
	CONSTRAINT "calendar_entry_reminders_offset_range" CHECK ("calendar_entry_reminders"."offset_minutes" IS NULL OR "calendar_entry_reminders"."offset_minutes" BETWEEN 5 AND 20160)
);
--> statement-breakpoint
ALTER TABLE "calendar_entry_reminders" ADD CONSTRAINT "calendar_entry_reminders_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."calendar_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_entry_reminders_entry_idx" ON "calendar_entry_reminders" USING btree ("entry_id");