CREATE TABLE "calendar_entry_guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"contact_id" uuid,
	"locale" "locale" NOT NULL,
	"time_zone" text NOT NULL,
	"response" "attendee_response" DEFAULT 'needs_action' NOT NULL,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_entry_guests_email_lower" CHECK ("calendar_entry_guests"."email" = lower("calendar_entry_guests"."email"))
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "recipient_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "address" jsonb;--> statement-breakpoint
ALTER TABLE "dev_messages" ADD COLUMN "calendar" text;--> statement-breakpoint
ALTER TABLE "calendar_entry_guests" ADD CONSTRAINT "calendar_entry_guests_entry_id_calendar_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."calendar_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_entry_guests" ADD CONSTRAINT "calendar_entry_guests_contact_id_client_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."client_contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_entry_guests_entry_email_key" ON "calendar_entry_guests" USING btree ("entry_id","email");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_one_recipient" CHECK (("notifications"."recipient_id" IS NULL) <> ("notifications"."address" IS NULL));