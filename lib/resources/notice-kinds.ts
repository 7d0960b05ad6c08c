import { z } from "zod";
import { defineKind } from "@/lib/notify/kinds";

/** Why a booking was cancelled by someone other than its booker. */
export const BOOKING_CANCEL_REASONS = ["retired", "cancelled", "removedFromEntry", "entryCancelled"] as const;

export const bookingCancelledPayload = z.object({
  bookingId: z.string().min(1),
  resourceId: z.string().min(1),
  resource: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  purpose: z.string(),
  reason: z.enum(BOOKING_CANCEL_REASONS),
  /** Who cancelled it: an admin, or an editor of the meeting it was part of. */
  actor: z.string(),
});

/** How many skipped dates a notice lists (the count says how many there are in all). */
export const SKIPPED_DATES_LISTED = 20;

/** The dates of a recurring meeting the horizon job could not book a resource for (lib/resources/series-horizon.ts). */
export const seriesDatesSkippedPayload = z.object({
  entryId: z.string().min(1),
  title: z.string(),
  resourceId: z.string().min(1),
  resource: z.string(),
  count: z.number().int().min(1),
  dates: z
    .array(
      z.object({
        start: z.iso.datetime(),
        end: z.iso.datetime(),
        // Who holds the date, unless their entry is private to the organiser (both null: busy).
        title: z.string().nullable(),
        owner: z.string().nullable(),
        reason: z.enum(["taken", "notBookable"]),
      }),
    )
    .min(1)
    .max(SKIPPED_DATES_LISTED),
  /** The horizon of the run that skipped them: one notice per series, resource and run. */
  horizon: z.iso.datetime(),
});

export const resourceNoticeKinds = [
  defineKind({
    key: "resource.bookingCancelled",
    payload: bookingCancelledPayload,
    area: "default",
    opens: "default",
    link: (p) => `/resources/${p.resourceId}`,
    routing: { priority: () => "normal" as const },
    dedupeKey: (p, recipientId) => `resource:booking:${p.bookingId}:cancelled:${recipientId}`,
    about: (p) => p.bookingId,
    dueAt: (p) => p.start,
    inApp(p, { t, when }) {
      const lines = [
        t(`resources.notice.bookingCancelled.${p.reason}`, { resource: p.resource }),
        t("resources.notice.whenLine", { from: when(p.start), to: when(p.end, "time") }),
        t("resources.notice.purposeLine", { purpose: p.purpose }),
        t("resources.notice.byLine", { actor: p.actor }),
      ];
      return { title: t("resources.notice.bookingCancelled.title", { resource: p.resource }), body: lines.join("\n") };
    },
    sms: (p, context) => ({
      what: context.t("sms.resources.bookingCancelled"),
      who: context.t("sms.by", { name: context.name(p.actor) }),
      when: context.when(p.start),
      // The resource's name is cut to the room left in one segment.
      title: p.resource,
    }),
  }),
  defineKind({
    key: "resource.seriesDatesSkipped",
    payload: seriesDatesSkippedPayload,
    area: "event",
    opens: "event",
    link: (p) => `/calendar/entries/${p.entryId}`,
    routing: { priority: () => "normal" as const },
    dedupeKey: (p, recipientId) => `resource:series:${p.entryId}:${p.resourceId}:skipped:${p.horizon}:${recipientId}`,
    about: (p) => p.entryId,
    dueAt: (p) => p.dates[0]!.start,
    inApp(p, { t, when }) {
      const lines = [
        t("resources.notice.seriesDatesSkipped.body", { resource: p.resource, title: p.title, count: p.count }),
        ...p.dates.map((d) => {
          const at = { from: when(d.start), to: when(d.end, "time") };
          if (d.reason === "notBookable") return t("resources.notice.seriesDatesSkipped.notBookable", at);
          if (d.title === null) return t("resources.notice.seriesDatesSkipped.busy", at);
          return t("resources.notice.seriesDatesSkipped.takenBy", { ...at, title: d.title, owner: d.owner ?? "" });
        }),
        ...(p.count > p.dates.length ? [t("resources.notice.seriesDatesSkipped.more", { count: p.count - p.dates.length })] : []),
        t("resources.notice.seriesDatesSkipped.what"),
      ];
      return { title: t("resources.notice.seriesDatesSkipped.title", { resource: p.resource, title: p.title }), body: lines.join("\n") };
    },
    sms: (p, context) => ({
      what: context.t("sms.resources.seriesDatesSkipped", { count: p.count }),
      when: context.when(p.dates[0]!.start),
      title: p.resource,
    }),
  }),
] as const;
