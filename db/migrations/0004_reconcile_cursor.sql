CREATE TABLE "reconcile_cursor" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_task_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconcile_cursor_singleton" CHECK ("reconcile_cursor"."id" = 1)
);
