import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { preparedRows } from "@/db/prepared";
import { calendarFeeds, teamMembers, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { addCalendarDays, localDateOf, startOfLocalDay } from "@/lib/time/zoned";
import type { FeedKind } from "./types";
import { instantOf } from "@/lib/time/instant-text";

/** A live feed found by its token's hash, with its creator as the viewer everything is masked for. */
export interface ResolvedFeed {
  id: string;
  kind: FeedKind;
  targetId: string | null;
  name: string;
  includeTasks: boolean;
  daysBack: number;
  daysAhead: number;
  contentTag: string | null;
  contentChangedAt: Date | null;
  lastFetchedAt: Date | null;
  lastUserAgent: string | null;
  creator: Viewer;
}

interface RawFeedRow {
  id: string;
  kind: FeedKind;
  target_id: string | null;
  name: string;
  include_tasks: boolean;
  days_back: number;
  days_ahead: number;
  content_tag: string | null;
  content_changed_at: Date | string | null;
  last_fetched_at: Date | string | null;
  last_user_agent: string | null;
  creator_id: string;
  email: string;
  creator_name: string;
  role: Viewer["role"];
  department_id: string | null;
  supervisor_id: string | null;
  time_zone: string;
  locale: Viewer["locale"];
  working_mode: Viewer["workingMode"];
}

const asDate = (v: Date | string | null) => (v === null ? null : instantOf(v));

/**
 * One indexed lookup by the token's hash: a live feed whose creator is still active, or null.
 * Unknown, revoked and orphaned feeds all end here the same way.
 */
export async function feedByTokenHash(db: DbOrTx, tokenHash: string): Promise<ResolvedFeed | null> {
  const [row] = await preparedRows<RawFeedRow>(
    db,
    sql`SELECT f.id, f.kind, f.target_id, f.name, f.include_tasks, f.days_back, f.days_ahead, f.content_tag, f.content_changed_at,
        f.last_fetched_at, f.last_user_agent, u.id AS creator_id, u.email, u.name AS creator_name, u.role, u.department_id,
        u.supervisor_id, u.time_zone, u.locale, u.working_mode
      FROM ${calendarFeeds} f JOIN ${users} u ON u.id = f.owner_id
      WHERE f.token_hash = ${tokenHash} AND f.revoked_at IS NULL AND u.active`,
  );
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    targetId: row.target_id,
    name: row.name,
    includeTasks: row.include_tasks,
    daysBack: row.days_back,
    daysAhead: row.days_ahead,
    contentTag: row.content_tag,
    contentChangedAt: asDate(row.content_changed_at),
    lastFetchedAt: asDate(row.last_fetched_at),
    lastUserAgent: row.last_user_agent,
    creator: {
      id: row.creator_id,
      email: row.email,
      name: row.creator_name,
      role: row.role,
      departmentId: row.department_id,
      supervisorId: row.supervisor_id,
      timeZone: row.time_zone,
      locale: row.locale,
      workingMode: row.working_mode,
    },
  };
}

/** The instants and local dates a feed covers: whole days in the creator's zone, so the window (and the ETag) moves once a day. */
export interface FeedWindow {
  from: Date;
  to: Date;
  fromDate: string;
  toDate: string;
}

export function feedWindow(feed: Pick<ResolvedFeed, "daysBack" | "daysAhead" | "creator">, now: Date): FeedWindow {
  const zone = feed.creator.timeZone;
  const today = localDateOf(now, zone);
  const fromDate = addCalendarDays(today, -feed.daysBack);
  const toDate = addCalendarDays(today, feed.daysAhead + 1);
  return { from: startOfLocalDay(fromDate, zone)!, to: startOfLocalDay(toDate, zone)!, fromDate, toDate };
}

/**
 * Whose calendars a feed shows, as SQL yielding user ids: only active people, so a deactivated
 * colleague's feed empties at once. A resource feed shows no one's calendar.
 */
export function feedPeopleSql(feed: Pick<ResolvedFeed, "kind" | "targetId" | "creator">): SQL | null {
  switch (feed.kind) {
    case "own":
      return sql`SELECT ${feed.creator.id}::uuid`;
    case "person":
      return sql`SELECT ${users.id} FROM ${users} WHERE ${users.id} = ${feed.targetId}::uuid AND ${users.active}`;
    case "team":
      return sql`SELECT ${teamMembers.userId} FROM ${teamMembers} JOIN ${users} ON ${users.id} = ${teamMembers.userId} WHERE ${teamMembers.teamId} = ${feed.targetId}::uuid AND ${users.active}`;
    case "department":
      return sql`SELECT ${users.id} FROM ${users} WHERE ${users.departmentId} = ${feed.targetId}::uuid AND ${users.active}`;
    case "resource":
      return null;
  }
}
