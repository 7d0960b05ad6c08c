CREATE TYPE "public"."feed_kind" AS ENUM('own', 'person', 'team', 'department', 'resource');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" "feed_kind" NOT NULL,
	"target_id" uuid,
	"include_tasks" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"days_back" integer DEFAULT 30 NOT NULL,
	"days_ahead" integer DEFAULT 365 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_fetched_at" timestamp with time zone,
	"last_user_agent" text,
	"content_tag" text,
	"content_changed_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_name_not_blank" CHECK (length(btrim("calendar_feeds"."name")) > 0),
	CONSTRAINT "calendar_feeds_target_shape" CHECK (("calendar_feeds"."kind" = 'own') = ("calendar_feeds"."target_id" IS NULL)),
	CONSTRAINT "calendar_feeds_window" CHECK ("calendar_feeds"."days_back" BETWEEN 0 AND 366 AND "calendar_feeds"."days_ahead" BETWEEN 1 AND 731)
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_owner_idx" ON "calendar_feeds" USING btree ("owner_id","created_at");