CREATE TYPE "public"."holiday_change" AS ENUM('added', 'removed');--> statement-breakpoint
CREATE TABLE "holiday_overrides" (
	"day" date PRIMARY KEY NOT NULL,
	"change" "holiday_change" NOT NULL,
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_schedule" ADD COLUMN "holiday_country" text DEFAULT 'PL' NOT NULL;--> statement-breakpoint
ALTER TABLE "holiday_overrides" ADD CONSTRAINT "holiday_overrides_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_schedule" ADD CONSTRAINT "work_schedule_holiday_country" CHECK ("work_schedule"."holiday_country" IN ('PL', 'none'));