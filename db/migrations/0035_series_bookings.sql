CREATE TABLE "series_resources" (
	"entry_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"booked_until" timestamp with time zone NOT NULL,
	CONSTRAINT "series_resources_entry_id_resource_id_pk" PRIMARY KEY("entry_id","resource_id")
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "recurrence_id" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "series_resources" ADD CONSTRAINT "series_resources_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."calendar_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_resources" ADD CONSTRAINT "series_resources_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "series_resources_booked_until_idx" ON "series_resources" USING btree ("booked_until");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_occurrence_key" ON "bookings" USING btree ("entry_id","resource_id","recurrence_id") WHERE "bookings"."recurrence_id" IS NOT NULL AND "bookings"."cancelled_at" IS NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_occurrence_of_entry" CHECK ("bookings"."recurrence_id" IS NULL OR "bookings"."entry_id" IS NOT NULL);