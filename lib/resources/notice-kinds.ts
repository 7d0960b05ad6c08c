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
] as const;
