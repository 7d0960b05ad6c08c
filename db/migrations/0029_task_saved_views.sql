CREATE TYPE "public"."task_list_kind" AS ENUM('mine', 'delegated', 'team');--> statement-breakpoint
CREATE TABLE "task_saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"list" "task_list_kind" NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"shared_department_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_saved_views_name_length" CHECK (char_length("task_saved_views"."name") BETWEEN 1 AND 80)
);
--> statement-breakpoint
ALTER TABLE "task_saved_views" ADD CONSTRAINT "task_saved_views_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_saved_views" ADD CONSTRAINT "task_saved_views_shared_department_id_departments_id_fk" FOREIGN KEY ("shared_department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "task_saved_views_owner_name_key" ON "task_saved_views" USING btree ("owner_id","list",lower("name"));--> statement-breakpoint
CREATE INDEX "task_saved_views_shared_idx" ON "task_saved_views" USING btree ("shared_department_id","list") WHERE "task_saved_views"."shared_department_id" IS NOT NULL;