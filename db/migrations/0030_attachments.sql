CREATE TYPE "public"."attachment_item" AS ENUM('task', 'case', 'comment');--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item" "attachment_item" NOT NULL,
	"task_id" uuid,
	"case_id" uuid,
	"comment_id" bigint,
	"uploader_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"width" integer,
	"height" integer,
	"thumbnail_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "attachments_one_item" CHECK (("attachments"."item" = 'task' AND "attachments"."task_id" IS NOT NULL AND "attachments"."case_id" IS NULL AND "attachments"."comment_id" IS NULL)
        OR ("attachments"."item" = 'comment' AND "attachments"."task_id" IS NOT NULL AND "attachments"."case_id" IS NULL AND "attachments"."comment_id" IS NOT NULL)
        OR ("attachments"."item" = 'case' AND "attachments"."case_id" IS NOT NULL AND "attachments"."task_id" IS NULL AND "attachments"."comment_id" IS NULL)),
	CONSTRAINT "attachments_size_positive" CHECK ("attachments"."size" > 0),
	CONSTRAINT "attachments_file_name_length" CHECK (length("attachments"."file_name") BETWEEN 1 AND 255)
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_comment_id_task_activity_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."task_activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploader_id_users_id_fk" FOREIGN KEY ("uploader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_task_idx" ON "attachments" USING btree ("task_id","created_at") WHERE "attachments"."task_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "attachments_case_idx" ON "attachments" USING btree ("case_id","created_at") WHERE "attachments"."case_id" IS NOT NULL;