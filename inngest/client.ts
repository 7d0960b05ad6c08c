import { Inngest, eventType, type EventType } from "inngest";
import { timelineItemTypes, type TimelineItemType } from "@/db/schema";
import { z } from "zod";

/** Something was written to the outbox: deliver it on the channels routing chose. */
export const notificationCreated = eventType("baton/notification.created", {
  schema: z.object({ notificationId: z.uuid() }),
});

/** An e-mail delivery is ready to go; e-mails are sent in batches to respect Resend's rate limit. */
export const emailRequested = eventType("baton/email.requested", {
  schema: z.object({ deliveryId: z.uuid() }),
});

/** The item field of a kind's schedule event: `taskId` for a task, `entryId` for an entry. */
export type ScheduledIdField = `${TimelineItemType}Id`;
/** What a schedule event carries: the item, under its kind's field, and the version to run for. */
export type ItemScheduledData = { version: number } & { [F in ScheduledIdField]?: string };

export const scheduledIdField = (type: TimelineItemType): ScheduledIdField => `${type}Id`;

function scheduledEventOf<T extends TimelineItemType>(type: T) {
  // The schema requires the kind's own field; the type, shared by every kind, names each as optional.
  const schema = z.object({ [scheduledIdField(type)]: z.uuid(), version: z.number().int().positive() });
  return eventType(`baton/${type}.scheduled` as const, { schema: schema as unknown as z.ZodType<ItemScheduledData, ItemScheduledData> });
}

/**
 * Per kind of item with a timeline, the event that says its timeline changed (a task created,
 * rescheduled, reassigned, finished or snoozed; an entry moved, its attendees, answers or
 * reminders changed): it starts a fresh run for this version and cancels the item's previous
 * one. `baton/task.scheduled` with `{ taskId, version }`, `baton/entry.scheduled` with
 * `{ entryId, version }`, and the same for every kind in `timelineItemTypes`.
 */
export const scheduledEvents = Object.fromEntries(timelineItemTypes.map((type) => [type, scheduledEventOf(type)])) as {
  [T in TimelineItemType]: ReturnType<typeof scheduledEventOf<T>>;
};

/** The schedule event of an item version; its id makes a resend of the same version a duplicate. */
export function scheduledEvent(item: { type: TimelineItemType; id: string; version: number }, eventId: string) {
  const event: EventType<`baton/${TimelineItemType}.scheduled`, z.ZodType<ItemScheduledData, ItemScheduledData>> = scheduledEvents[item.type];
  return event.create({ [scheduledIdField(item.type)]: item.id, version: item.version }, { id: eventId });
}

/** The item version a schedule event of this kind names (checked against the kind's schema). */
export function scheduledItemOf(type: TimelineItemType, data: unknown): { id: string; version: number } {
  const parsed = scheduledEvents[type].schema.parse(data);
  const id = parsed[scheduledIdField(type)];
  if (!id) throw new Error(`baton/${type}.scheduled without ${scheduledIdField(type)}`);
  return { id, version: parsed.version };
}

// Production: INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY; a developer with internet runs
// `npx inngest-cli@latest dev` and sets INNGEST_DEV=1. The client itself opens nothing at import.
// The SDK reads those variables itself; lib/config/env.ts checks them at start (an event key
// without a signing key, or INNGEST_DEV in production, stops it) without being read at import,
// where `next build` would validate a production configuration it does not have.
export const inngest = new Inngest({ id: "baton" });
