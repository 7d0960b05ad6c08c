CREATE TABLE "task_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"department_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"priority" "priority" DEFAULT 'normal' NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_in_working_days" integer,
	"reminders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_templates_title_length" CHECK (char_length("task_templates"."title") BETWEEN 1 AND 200),
	CONSTRAINT "task_templates_due_range" CHECK ("task_templates"."due_in_working_days" IS NULL OR "task_templates"."due_in_working_days" BETWEEN 0 AND 365)
);
--> statement-breakpoint
ALTER TABLE "task_templates" ADD CONSTRAINT "task_templates_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_templates" ADD CONSTRAINT "task_templates_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_templates_owner_idx" ON "task_templates" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "task_templates_department_idx" ON "task_templates" USING btree ("department_id") WHERE "task_templates"."department_id" IS NOT NULL;