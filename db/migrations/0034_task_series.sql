CREATE TYPE "public"."task_repeat_kind" AS ENUM('workdays', 'weekly', 'monthlyOnDate', 'monthlyOnWeekday', 'afterCompletion');--> statement-breakpoint
CREATE TABLE "task_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by_id" uuid NOT NULL,
	"kind" "task_repeat_kind" NOT NULL,
	"weekdays" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"month_day" integer,
	"week_of_month" integer,
	"weekday" integer,
	"after_days" integer,
	"time_of_day" text NOT NULL,
	"zone" text NOT NULL,
	"due_days" integer,
	"due_time" text,
	"next_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_series_month_day" CHECK ("task_series"."month_day" IS NULL OR "task_series"."month_day" BETWEEN 1 AND 31),
	CONSTRAINT "task_series_after_days" CHECK ("task_series"."after_days" IS NULL OR "task_series"."after_days" BETWEEN 0 AND 365),
	CONSTRAINT "task_series_due_days" CHECK ("task_series"."due_days" IS NULL OR "task_series"."due_days" BETWEEN 0 AND 365)
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "series_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "task_series" ADD CONSTRAINT "task_series_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_series_next_idx" ON "task_series" USING btree ("next_at") WHERE "task_series"."next_at" IS NOT NULL AND "task_series"."stopped_at" IS NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_series_id_task_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."task_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_series_moment_idx" ON "tasks" USING btree ("series_id","series_at") WHERE "tasks"."series_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_series_moment" CHECK (("tasks"."series_id" IS NULL) = ("tasks"."series_at" IS NULL));