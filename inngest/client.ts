import { Inngest, eventType } from "inngest";
import { z } from "zod";

/** Something was written to the outbox: deliver it on the channels routing chose. */
export const notificationCreated = eventType("baton/notification.created", {
  schema: z.object({ notificationId: z.uuid() }),
});

/** An e-mail delivery is ready to go; e-mails are sent in batches to respect Resend's rate limit. */
export const emailRequested = eventType("baton/email.requested", {
  schema: z.object({ deliveryId: z.uuid() }),
});

/**
 * A task's timeline changed (created, rescheduled, reassigned, finished, snoozed): start a fresh
 * run for this version; the previous run of the task is cancelled by the same event.
 */
export const taskScheduled = eventType("baton/task.scheduled", {
  schema: z.object({ taskId: z.uuid(), version: z.number().int().positive() }),
});

/** A calendar entry's timeline changed (its time, attendees, answers, reminders): a fresh run for this version. */
export const entryScheduled = eventType("baton/entry.scheduled", {
  schema: z.object({ entryId: z.uuid(), version: z.number().int().positive() }),
});

// Production: INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY; a developer with internet runs
// `npx inngest-cli@latest dev` and sets INNGEST_DEV=1. The client itself opens nothing at import.
// The SDK reads those variables itself; lib/config/env.ts checks them at start (an event key
// without a signing key, or INNGEST_DEV in production, stops it) without being read at import,
// where `next build` would validate a production configuration it does not have.
export const inngest = new Inngest({ id: "baton" });
