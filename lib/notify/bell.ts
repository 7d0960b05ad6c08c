import { createHash } from "node:crypto";
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { formatInstantFor } from "@/lib/i18n/format-for";
import { messages } from "@/lib/i18n/messages";
import { notificationsOf, unreadCountOf } from "./queries";
import { NOTICE_LIVE_STATES } from "./registry";

/** How many notices the bell's menu shows. */
export const BELL_ITEMS = 8;

/**
 * The bell's validator: a hash of everything its answer depends on, read in one indexed query
 * and without rendering anything. The answer is the viewer's unread count and their latest
 * BELL_ITEMS notices (ids, read state, and what the registry's live states say of each, such as
 * an invitation's current answer; a notice's text is rendered from its kind and payload, which
 * never change), in their language, zone and date format, and in this deployment's wording. So
 * a new notice, a read (one, all, or by snoozing), a deleted notice, an invitation answered
 * anywhere, a change of those three settings and a reworded release each change it. The
 * viewer's id is in the hash, so one person's validator never matches another's.
 *
 * Reads go through the partial unread index and the (recipient, created_at) index, at most
 * BELL_ITEMS rows (and a primary-key lookup for each answerable one): the cost does not grow
 * with how many notices a person has had.
 */
export async function bellVersionOf(db: Db, viewer: Viewer): Promise<string> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = bellVersionQuery(db)));
  const [row] = await query.execute({ userId: viewer.id });
  const state = row ? [viewer.id, WORDING, row.locale, row.timeZone, row.dateFormat, row.unread, row.head ?? ""].join("|") : viewer.id;
  return `"${createHash("sha256").update(state).digest("base64url").slice(0, 32)}"`;
}

/** The texts notices are rendered with: a deployment that rewords them changes every validator, so no browser keeps the old wording. */
const WORDING = createHash("sha256").update(JSON.stringify(messages)).digest("base64url").slice(0, 12);

/** Each head row's live states, joined: computed over the BELL_ITEMS rows only. */
function liveStatesOfHead(): SQL {
  const row = { kind: sql.raw("h.kind"), payload: sql.raw("h.payload"), recipientId: sql.raw("h.recipient_id") };
  if (!NOTICE_LIVE_STATES.length) return sql`''`;
  return sql.join(
    NOTICE_LIVE_STATES.map((state) => sql`coalesce(${state(row)}, '')`),
    sql` || '/' || `,
  );
}

// A prepared statement per database: the bell asks it every few seconds for every signed-in person.
function bellVersionQuery(db: Db) {
  const userId = sql.placeholder("userId");
  return db
    .select({
      locale: users.locale,
      timeZone: users.timeZone,
      dateFormat: users.dateFormat,
      unread: sql<number>`(SELECT count(*)::int FROM notifications n WHERE n.recipient_id = ${userId} AND n.read_at IS NULL)`,
      head: sql<string | null>`(SELECT string_agg(h.id::text || '/' || coalesce((extract(epoch FROM h.read_at) * 1000000)::bigint::text, '-')
          || '/' || ${liveStatesOfHead()}, ',' ORDER BY h.created_at DESC, h.id DESC)
        FROM (SELECT n.id, n.read_at, n.created_at, n.kind, n.payload, n.recipient_id FROM notifications n WHERE n.recipient_id = ${userId}
              ORDER BY n.created_at DESC, n.id DESC LIMIT ${sql.raw(String(BELL_ITEMS))}) h)`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .prepare("bell_version");
}
const prepared = new WeakMap<Db, ReturnType<typeof bellVersionQuery>>();

export interface BellItem {
  id: string;
  kind: string;
  priority: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  /** The time in the viewer's date format. */
  at: string;
  readAt: Date | null;
  actorName: string | null;
}

/** The bell's answer: unread count and the latest notices, rendered in the viewer's language. */
export async function bellFeedOf(db: Db, viewer: Viewer): Promise<{ unread: number; items: BellItem[] }> {
  const [unread, items] = await Promise.all([unreadCountOf(db, viewer), notificationsOf(db, viewer, { limit: BELL_ITEMS })]);
  return { unread, items: items.map((item) => ({ ...item, at: formatInstantFor(item.createdAt, viewer) })) };
}

/** Whether an If-None-Match header names this validator (a list, a weak form, or "*"). */
export function matchesValidator(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}
