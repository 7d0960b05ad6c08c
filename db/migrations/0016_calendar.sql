CREATE TYPE "public"."attendee_response" AS ENUM('needs_action', 'accepted', 'tentative', 'declined');--> statement-breakpoint
CREATE TYPE "public"."entry_activity_kind" AS ENUM('created', 'changed', 'cancelled', 'answered', 'attendee_added', 'attendee_removed');--> statement-breakpoint
CREATE TYPE "public"."entry_visibility" AS ENUM('normal', 'private');--> statement-breakpoint
CREATE TABLE "calendar_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"location" text,
	"visibility" "entry_visibility" DEFAULT 'normal' NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"start_date" date,
	"end_date" date,
	"client_id" uuid,
	"case_id" uuid,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_entries_title_not_blank" CHECK (length(btrim("calendar_entries"."title")) > 0),
	CONSTRAINT "calendar_entries_time_shape" CHECK ((NOT "calendar_entries"."all_day" AND "calendar_entries"."starts_at" IS NOT NULL AND "calendar_entries"."ends_at" > "calendar_entries"."starts_at" AND "calendar_entries"."start_date" IS NULL AND "calendar_entries"."end_date" IS NULL)
        OR ("calendar_entries"."all_day" AND "calendar_entries"."start_date" IS NOT NULL AND "calendar_entries"."end_date" > "calendar_entries"."start_date" AND "calendar_entries"."starts_at" IS NULL AND "calendar_entries"."ends_at" IS NULL)),
	CONSTRAINT "calendar_entries_case_has_client" CHECK ("calendar_entries"."case_id" IS NULL OR "calendar_entries"."client_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "calendar_entry_activity" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" "entry_activity_kind" NOT NULL,
	"field" text,
	"old_value" text,
	"new_value" text,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_entry_attendees" (
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"response" "attendee_response" DEFAULT 'needs_action' NOT NULL,
	"responded_at" timestamp with time zone,
	"starts_at" timestamp with time zone,
	"start_date" date,
	CONSTRAINT "calendar_entry_attendees_entry_id_user_id_pk" PRIMARY KEY("entry_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_grants" (
	"owner_id" uuid NOT NULL,
	"grantee_id" uuid NOT NULL,
	"can_edit" boolean DEFAULT false NOT NULL,
	"can_see_private" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_grants_owner_id_grantee_id_pk" PRIMARY KEY("owner_id","grantee_id"),
	CONSTRAINT "calendar_grants_not_self" CHECK ("calendar_grants"."owner_id" <> "calendar_grants"."grantee_id"),
	CONSTRAINT "calendar_grants_grant_something" CHECK ("calendar_grants"."can_edit" OR "calendar_grants"."can_see_private")
);
--> statement-breakpoint
CREATE TABLE "calendar_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_groups_name_not_blank" CHECK (length(btrim("calendar_groups"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendars_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD CONSTRAINT "calendar_entries_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD CONSTRAINT "calendar_entries_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD CONSTRAINT "calendar_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_entries" ADD CONSTRAINT "calendar_entries_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_entry_activity" ADD CONSTRAINT "calendar_entry_activity_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."calendar_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_entry_activity" ADD CONSTRAINT "calendar_entry_activity_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_entry_attendees" ADD CONSTRAINT "calendar_entry_attendees_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."calendar_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_entry_attendees" ADD CONSTRAINT "calendar_entry_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_grants" ADD CONSTRAINT "calendar_grants_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_grants" ADD CONSTRAINT "calendar_grants_grantee_id_users_id_fk" FOREIGN KEY ("grantee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_groups" ADD CONSTRAINT "calendar_groups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_entries_timed_idx" ON "calendar_entries" USING btree ("calendar_id","starts_at") WHERE NOT "calendar_entries"."all_day" AND "calendar_entries"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "calendar_entries_all_day_idx" ON "calendar_entries" USING btree ("calendar_id","start_date") WHERE "calendar_entries"."all_day" AND "calendar_entries"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE INDEX "calendar_entries_client_idx" ON "calendar_entries" USING btree ("client_id","starts_at") WHERE "calendar_entries"."client_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "calendar_entries_case_idx" ON "calendar_entries" USING btree ("case_id","starts_at") WHERE "calendar_entries"."case_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "calendar_entry_activity_entry_idx" ON "calendar_entry_activity" USING btree ("entry_id","created_at");--> statement-breakpoint
CREATE INDEX "calendar_entry_attendees_user_idx" ON "calendar_entry_attendees" USING btree ("user_id","entry_id");--> statement-breakpoint
CREATE INDEX "calendar_entry_attendees_user_timed_idx" ON "calendar_entry_attendees" USING btree ("user_id","starts_at") WHERE "calendar_entry_attendees"."starts_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "calendar_entry_attendees_user_all_day_idx" ON "calendar_entry_attendees" USING btree ("user_id","start_date") WHERE "calendar_entry_attendees"."start_date" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "calendar_grants_grantee_idx" ON "calendar_grants" USING btree ("grantee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_groups_owner_name_key" ON "calendar_groups" USING btree ("owner_id",lower("name"));