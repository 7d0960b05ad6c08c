CREATE TYPE "public"."delay_unit" AS ENUM('minutes', 'working_hours', 'working_days');--> statement-breakpoint
CREATE TYPE "public"."timeline_moment_kind" AS ENUM('reminder', 'overdue', 'escalation');--> statement-breakpoint
CREATE TABLE "escalation_policies" (
	"priority" "priority" PRIMARY KEY NOT NULL,
	"delay" integer NOT NULL,
	"unit" "delay_unit" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_policies_delay_positive" CHECK ("escalation_policies"."delay" > 0)
);
--> statement-breakpoint
CREATE TABLE "reminder_defaults" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"offset_minutes" integer NOT NULL,
	"channel" "notification_channel",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_defaults_offset_range" CHECK ("reminder_defaults"."offset_minutes" BETWEEN 5 AND 20160)
);
--> statement-breakpoint
CREATE TABLE "reminder_snoozes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"notification_id" uuid,
	"fire_at" timestamp with time zone NOT NULL,
	"channel" "notification_channel",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timeline_firings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"moment_key" text NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" timeline_moment_kind NOT NULL,
	"level" integer,
	"recipient_id" uuid,
	"channel" "notification_channel",
	"due_at" timestamp with time zone,
	"moment_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"notification_id" uuid
);
--> statement-breakpoint
CREATE TABLE "work_schedule" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text DEFAULT 'Europe/Warsaw' NOT NULL,
	"work_days" jsonb DEFAULT '[1,2,3,4,5]'::jsonb NOT NULL,
	"day_start" text DEFAULT '08:00' NOT NULL,
	"day_end" text DEFAULT '16:00' NOT NULL,
	"second_level_enabled" boolean DEFAULT false NOT NULL,
	"second_level_delay" integer DEFAULT 1 NOT NULL,
	"second_level_unit" "delay_unit" DEFAULT 'working_days' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_schedule_singleton" CHECK ("work_schedule"."id" = 1),
	CONSTRAINT "work_schedule_day_order" CHECK ("work_schedule"."day_start" < "work_schedule"."day_end"),
	CONSTRAINT "work_schedule_second_delay_positive" CHECK ("work_schedule"."second_level_delay" > 0)
);
--> statement-breakpoint
ALTER TABLE "reminder_defaults" ADD CONSTRAINT "reminder_defaults_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_snoozes" ADD CONSTRAINT "reminder_snoozes_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_snoozes" ADD CONSTRAINT "reminder_snoozes_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_snoozes" ADD CONSTRAINT "reminder_snoozes_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_firings" ADD CONSTRAINT "timeline_firings_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_firings" ADD CONSTRAINT "timeline_firings_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timeline_firings" ADD CONSTRAINT "timeline_firings_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_defaults_user_idx" ON "reminder_defaults" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reminder_snoozes_task_idx" ON "reminder_snoozes" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "reminder_snoozes_fire_idx" ON "reminder_snoozes" USING btree ("fire_at");--> statement-breakpoint
CREATE UNIQUE INDEX "timeline_firings_moment_key" ON "timeline_firings" USING btree ("moment_key");--> statement-breakpoint
CREATE INDEX "timeline_firings_task_idx" ON "timeline_firings" USING btree ("task_id","moment_at");--> statement-breakpoint
CREATE INDEX "timeline_firings_escalated_idx" ON "timeline_firings" USING btree ("task_id","due_at") WHERE "timeline_firings"."kind" = 'escalation';