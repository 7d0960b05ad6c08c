ALTER TABLE "notifications" DROP COLUMN "attempts";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "last_error";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "provider_id";