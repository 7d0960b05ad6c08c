CREATE TABLE "calendar_people_choices" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"member_ids" uuid[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_people_choices" ADD CONSTRAINT "calendar_people_choices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;