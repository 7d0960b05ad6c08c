-- The bookings' exclusion constraint needs btree_gist for the "=" on resource_id (PGlite loads it in db/index.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TYPE "public"."resource_kind" AS ENUM('room', 'device', 'vehicle', 'demo_product', 'conference_kit');--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"during" "tstzrange" GENERATED ALWAYS AS (tstzrange(starts_at, ends_at, '[)')) STORED NOT NULL,
	"purpose" text NOT NULL,
	"booked_by_id" uuid NOT NULL,
	"entry_id" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_ends_after_start" CHECK ("bookings"."ends_at" > "bookings"."starts_at"),
	CONSTRAINT "bookings_purpose_not_blank" CHECK (length(btrim("bookings"."purpose")) > 0)
);
--> statement-breakpoint
CREATE TABLE "resource_departments" (
	"resource_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	CONSTRAINT "resource_departments_resource_id_department_id_pk" PRIMARY KEY("resource_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "resource_kind" NOT NULL,
	"location" text,
	"capacity" integer,
	"description" text,
	"max_booking_minutes" integer,
	"bookable_from" text,
	"bookable_until" text,
	"departments_only" boolean DEFAULT false NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_name_not_blank" CHECK (length(btrim("resources"."name")) > 0),
	CONSTRAINT "resources_capacity_positive" CHECK ("resources"."capacity" IS NULL OR "resources"."capacity" > 0),
	CONSTRAINT "resources_max_booking_positive" CHECK ("resources"."max_booking_minutes" IS NULL OR "resources"."max_booking_minutes" > 0),
	CONSTRAINT "resources_bookable_hours" CHECK (("resources"."bookable_from" IS NULL AND "resources"."bookable_until" IS NULL)
        OR ("resources"."bookable_from" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "resources"."bookable_until" ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$' AND "resources"."bookable_from" < "resources"."bookable_until"))
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_booked_by_id_users_id_fk" FOREIGN KEY ("booked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."calendar_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_departments" ADD CONSTRAINT "resource_departments_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_departments" ADD CONSTRAINT "resource_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_booked_by_idx" ON "bookings" USING btree ("booked_by_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_entry_idx" ON "bookings" USING btree ("entry_id") WHERE "bookings"."entry_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "resource_departments_department_idx" ON "resource_departments" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_name_key" ON "resources" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "resources_kind_location_idx" ON "resources" USING btree ("kind","location");--> statement-breakpoint
-- Hand-written (drizzle has no EXCLUDE): no two live bookings of one resource overlap. Half-open ranges, so back-to-back bookings stand.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("resource_id" WITH =, "during" WITH &&) WHERE ("cancelled_at" IS NULL);
