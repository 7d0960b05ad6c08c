CREATE TABLE "calendar_occurrence_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"recurrence_id" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"guest_id" uuid,
	"response" "attendee_response" NOT NULL,
	"responded_at" timestamp with time zone,
	"answered_via" "answer_path",
	CONSTRAINT "calendar_occurrence_answers_one_attendee" CHECK (("calendar_occurrence_answers"."user_id" IS NULL) <> ("calendar_occurrence_answers"."guest_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "calendar_occurrence_answers" ADD CONSTRAINT "calendar_occurrence_answers_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."calendar_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_occurrence_answers" ADD CONSTRAINT "calendar_occurrence_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_occurrence_answers" ADD CONSTRAINT "calendar_occurrence_answers_guest_id_calendar_entry_guests_id_fk" FOREIGN KEY ("guest_id") REFERENCES "public"."calendar_entry_guests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_occurrence_answers_user_key" ON "calendar_occurrence_answers" USING btree ("entry_id","recurrence_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_occurrence_answers_guest_key" ON "calendar_occurrence_answers" USING btree ("entry_id","recurrence_id","guest_id");