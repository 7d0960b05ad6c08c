CREATE TYPE "public"."case_activity_kind" AS ENUM('created', 'changed', 'status', 'reassigned');--> statement-breakpoint
CREATE TABLE "case_activity" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" "case_activity_kind" NOT NULL,
	"field" text,
	"old_value" text,
	"new_value" text,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_assign_rights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "case_kind",
	"department_id" uuid,
	"granted_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assign_rights_one_scope" CHECK (("case_assign_rights"."kind" IS NULL) <> ("case_assign_rights"."department_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "case_activity" ADD CONSTRAINT "case_activity_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_activity" ADD CONSTRAINT "case_activity_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assign_rights" ADD CONSTRAINT "case_assign_rights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assign_rights" ADD CONSTRAINT "case_assign_rights_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assign_rights" ADD CONSTRAINT "case_assign_rights_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_activity_case_idx" ON "case_activity" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_assign_rights_user_kind_key" ON "case_assign_rights" USING btree ("user_id","kind") WHERE "case_assign_rights"."kind" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "case_assign_rights_user_department_key" ON "case_assign_rights" USING btree ("user_id","department_id") WHERE "case_assign_rights"."department_id" IS NOT NULL;