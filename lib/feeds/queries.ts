import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { calendarFeeds, departments, resources, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { checkAdmin } from "./commands";
import type { FeedKind } from "./types";

/** One feed as its settings row shows it; the token is never here (only its hash exists). */
export interface FeedRow {
  id: string;
  ownerId: string;
  ownerName: string;
  kind: FeedKind;
  targetId: string | null;
  /** The person, team, department or resource shown; null for one's own calendar (or a target since deleted). */
  targetName: string | null;
  name: string;
  includeTasks: boolean;
  daysBack: number;
  daysAhead: number;
  createdAt: Date;
  lastFetchedAt: Date | null;
  lastUserAgent: string | null;
}

const owner = alias(users, "feed_owner");
const targetUser = alias(users, "feed_target_user");

async function feedRows(db: DbOrTx, where: SQL | undefined): Promise<FeedRow[]> {
  const rows = await db
    .select({
      id: calendarFeeds.id,
      ownerId: calendarFeeds.ownerId,
      ownerName: owner.name,
      kind: calendarFeeds.kind,
      targetId: calendarFeeds.targetId,
      targetName: sql<string | null>`coalesce(${targetUser.name}, ${teams.name}, ${departments.name}, ${resources.name})`,
      name: calendarFeeds.name,
      includeTasks: calendarFeeds.includeTasks,
      daysBack: calendarFeeds.daysBack,
      daysAhead: calendarFeeds.daysAhead,
      createdAt: calendarFeeds.createdAt,
      lastFetchedAt: calendarFeeds.lastFetchedAt,
      lastUserAgent: calendarFeeds.lastUserAgent,
    })
    .from(calendarFeeds)
    .innerJoin(owner, eq(owner.id, calendarFeeds.ownerId))
    .leftJoin(targetUser, and(eq(calendarFeeds.kind, "person"), eq(targetUser.id, calendarFeeds.targetId)))
    .leftJoin(teams, and(eq(calendarFeeds.kind, "team"), eq(teams.id, calendarFeeds.targetId)))
    .leftJoin(departments, and(eq(calendarFeeds.kind, "department"), eq(departments.id, calendarFeeds.targetId)))
    .leftJoin(resources, and(eq(calendarFeeds.kind, "resource"), eq(resources.id, calendarFeeds.targetId)))
    .where(where)
    .orderBy(desc(calendarFeeds.createdAt));
  return rows;
}

/** The viewer's live feeds, newest first. */
export function feedsOf(db: DbOrTx, viewer: Viewer): Promise<FeedRow[]> {
  return feedRows(db, and(eq(calendarFeeds.ownerId, viewer.id), isNull(calendarFeeds.revokedAt)));
}

/** Every live feed in the organisation, for admins only. */
export async function allFeeds(db: DbOrTx, viewer: Viewer): Promise<FeedRow[]> {
  checkAdmin(viewer);
  return feedRows(db, isNull(calendarFeeds.revokedAt));
}
