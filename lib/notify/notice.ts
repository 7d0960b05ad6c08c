import type { NotificationAddress } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locale";
import type { OutboxRow } from "./outbox";
import { kindOf, type NoticeKey, type NoticePayload } from "./registry";
import { noticeContext } from "./render";

export interface NoticeRecipient {
  id: string;
  locale: Locale;
  timeZone: string;
}

/** Someone outside Baton, reached by e-mail only; `key` names them in the dedupe key ("guest:<id>"). */
export interface NoticeAddress extends NotificationAddress {
  key: string;
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
  return { ...rowFor(key, payload, recipient, recipient.id, options), recipientId: recipient.id };
}

/**
 * The same for someone without a Baton account (a client's contact invited to a meeting): no
 * bell, no preferences; routing sends it by e-mail to the address, in its language and zone.
 */
export function noticeToAddress<K extends NoticeKey>(
  key: K,
  payload: NoticePayload<K>,
  { key: who, ...address }: NoticeAddress,
  options: { actorId?: string | null } = {},
): OutboxRow {
  return { ...rowFor(key, payload, address, who, options), recipientId: null, address };
}

function rowFor(
  key: string,
  payload: unknown,
  reader: { locale: Locale; timeZone: string },
  dedupeRecipient: string,
  options: { actorId?: string | null },
): Omit<OutboxRow, "recipientId"> {
  const kind = kindOf(key);
  if (!kind) throw new Error(`unknown notification kind ${key}`);
  const parsed: unknown = kind.payload.parse(payload);
  const { title, body } = kind.inApp(parsed, noticeContext(reader.locale, reader.timeZone));
  return {
    kind: key,
    priority: kind.routing.priority(parsed),
    channel: kind.routing.channel?.(parsed) ?? null,
    title,
    body,
    link: kind.link(parsed),
    dedupeKey: kind.dedupeKey(parsed, dedupeRecipient),
    actorId: options.actorId ?? null,
    payload: parsed as Record<string, unknown>,
  };
}
