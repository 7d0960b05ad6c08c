ALTER TYPE "public"."case_activity_kind" ADD VALUE 'attachment';--> statement-breakpoint
ALTER TYPE "public"."task_activity_kind" ADD VALUE 'attachment';--> statement-breakpoint
CREATE TABLE "attachment_garbage" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"collect_after" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE INDEX "attachment_garbage_due_idx" ON "attachment_garbage" USING btree ("collect_after");--> statement-breakpoint
-- Whatever deletes an attachment row (its removal, or a cascade from its task, case or comment), its bytes are queued for the collector.
CREATE FUNCTION "attachment_bytes_to_garbage"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "attachment_garbage" ("storage_key", "collect_after")
    SELECT k, now() FROM unnest(ARRAY[OLD."storage_key", OLD."thumbnail_key"]) AS k WHERE k IS NOT NULL
  ON CONFLICT ("storage_key") DO UPDATE SET "collect_after" = LEAST("attachment_garbage"."collect_after", EXCLUDED."collect_after");
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "attachments_bytes_to_garbage" AFTER DELETE ON "attachments" FOR EACH ROW EXECUTE FUNCTION "attachment_bytes_to_garbage"();
