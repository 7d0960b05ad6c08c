import type { Locale } from "@/lib/i18n/locale";
import type { OutboxRow } from "./outbox";
import { kindOf, type NoticeKey, type NoticePayload } from "./registry";
import { noticeContext } from "./render";

export interface NoticeRecipient {
  id: string;
  locale: Locale;
  timeZone: string;
}

/**
 * The outbox row telling `recipient` about something: `notice("task.assigned", payload, person)`.
 * TypeScript checks the payload against the kind's schema, zod checks it again here (a wrong one
 * throws, and the change it belongs to rolls back). The title and body are rendered in the
 * recipient's language and zone for the bell; the payload alone re-renders every text.
 */
export function notice<K extends NoticeKey>(
  key: K,
  payload: NoticePayload<K>,
  recipient: NoticeRecipient,
  options: { actorId?: string | null } = {},
): OutboxRow {
  const kind = kindOf(key);
  if (!kind) throw new Error(`unknown notification kind ${key}`);
  const parsed: unknown = kind.payload.parse(payload);
  const { title, body } = kind.inApp(parsed, noticeContext(recipient.locale, recipient.timeZone));
  return {
    recipientId: recipient.id,
    kind: key,
    priority: kind.routing.priority(parsed),
    channel: kind.routing.channel?.(parsed) ?? null,
    title,
    body,
    link: kind.link(parsed),
    dedupeKey: kind.dedupeKey(parsed, recipient.id),
    actorId: options.actorId ?? null,
    payload: parsed as Record<string, unknown>,
  };
}
