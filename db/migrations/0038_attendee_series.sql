ALTER TABLE "calendar_entry_attendees" ADD COLUMN "recurring" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "calendar_entry_attendees_user_series_idx" ON "calendar_entry_attendees" USING btree ("user_id","starts_at") WHERE "calendar_entry_attendees"."recurring";--> statement-breakpoint
UPDATE "calendar_entry_attendees" a SET "recurring" = true FROM "calendar_entries" e WHERE e."id" = a."entry_id" AND e."recurrence_rule" IS NOT NULL;--> statement-breakpoint
-- An invitation knows whether its entry is a series from the moment it is written...
CREATE FUNCTION "attendee_recurring_from_entry"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."recurring" := coalesce((SELECT e."recurrence_rule" IS NOT NULL FROM "calendar_entries" e WHERE e."id" = NEW."entry_id"), false);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "calendar_entry_attendees_recurring" BEFORE INSERT OR UPDATE OF "entry_id", "recurring" ON "calendar_entry_attendees" FOR EACH ROW EXECUTE FUNCTION "attendee_recurring_from_entry"();--> statement-breakpoint
-- ...and follows the entry when it starts or stops repeating.
CREATE FUNCTION "entry_recurring_to_attendees"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "calendar_entry_attendees" SET "recurring" = (NEW."recurrence_rule" IS NOT NULL) WHERE "entry_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "calendar_entries_recurring_to_attendees" AFTER UPDATE OF "recurrence_rule" ON "calendar_entries" FOR EACH ROW
  WHEN ((OLD."recurrence_rule" IS NULL) IS DISTINCT FROM (NEW."recurrence_rule" IS NULL)) EXECUTE FUNCTION "entry_recurring_to_attendees"();
