import { and, count, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarFeeds, departments, resources, teams, users } from "@/db/schema";
import { Forbidden, Invalid, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import type { CreateFeedInput, FeedRefInput, RenameFeedInput } from "./schema";
import { feedTokenHash, newFeedToken } from "./token";
import { MAX_FEEDS_PER_PERSON, type FeedKind } from "./types";

/** What a person gets back when a feed's token is made: the token travels to them once and is never stored. */
export interface IssuedFeed {
  id: string;
  token: string;
}

/**
 * Whether the target exists and its calendar is one the creator may look at. Everyone in the
 * organisation sees a colleague's, a team's, a department's calendar (masked) and a resource's
 * bookings; a deactivated person or a retired resource is refused, and so is anything unknown.
 */
async function checkTarget(db: DbOrTx, viewer: Viewer, kind: FeedKind, targetId: string | null): Promise<void> {
  const missing = () => new Invalid("feeds.errors.targetUnknown", { targetId: ["feeds.errors.targetUnknown"] });
  if (kind === "own") return;
  if (!targetId) throw missing();
  if (kind === "person") {
    if (targetId === viewer.id) throw new Invalid("feeds.errors.personIsSelf", { targetId: ["feeds.errors.personIsSelf"] });
    const [row] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, targetId), eq(users.active, true)));
    if (!row) throw missing();
  } else if (kind === "team") {
    const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, targetId));
    if (!row) throw missing();
  } else if (kind === "department") {
    const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, targetId));
    if (!row) throw missing();
  } else {
    const [row] = await db
      .select({ id: resources.id })
      .from(resources)
      .where(and(eq(resources.id, targetId), isNull(resources.retiredAt)));
    if (!row) throw missing();
  }
}

export async function createFeed({ tx, viewer, now }: Work, input: CreateFeedInput): Promise<IssuedFeed> {
  const targetId = input.kind === "own" ? null : input.targetId;
  await checkTarget(tx, viewer, input.kind, targetId);
  const [held] = await tx
    .select({ n: count() })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.ownerId, viewer.id), isNull(calendarFeeds.revokedAt)));
  if ((held?.n ?? 0) >= MAX_FEEDS_PER_PERSON) throw new Invalid("feeds.errors.tooMany");
  const token = newFeedToken();
  const [row] = await tx
    .insert(calendarFeeds)
    .values({
      ownerId: viewer.id,
      kind: input.kind,
      targetId,
      includeTasks: input.kind === "own" && input.includeTasks,
      name: input.name,
      tokenHash: feedTokenHash(token),
      daysBack: input.daysBack,
      daysAhead: input.daysAhead,
      createdAt: now,
    })
    .returning({ id: calendarFeeds.id });
  return { id: row!.id, token };
}

/** The viewer's own live feed, locked; anyone else's is "not found" (its existence is not theirs to learn). */
async function ownLiveFeed(tx: Work["tx"], viewer: Viewer, id: string) {
  const [row] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.ownerId, viewer.id), isNull(calendarFeeds.revokedAt)))
    .for("update");
  if (!row) throw new NotFound("feeds.errors.notFound");
  return row;
}

export async function renameFeed({ tx, viewer }: Work, input: RenameFeedInput): Promise<{ id: string }> {
  await ownLiveFeed(tx, viewer, input.id);
  await tx.update(calendarFeeds).set({ name: input.name }).where(eq(calendarFeeds.id, input.id));
  return { id: input.id };
}

/** A new token for the same feed: the old URL answers 404 from now on. */
export async function regenerateFeed({ tx, viewer }: Work, input: FeedRefInput): Promise<IssuedFeed> {
  await ownLiveFeed(tx, viewer, input.id);
  const token = newFeedToken();
  await tx
    .update(calendarFeeds)
    .set({ tokenHash: feedTokenHash(token), contentTag: null })
    .where(eq(calendarFeeds.id, input.id));
  return { id: input.id, token };
}

/** Its owner, or an admin (any feed), ends a feed for good. */
export async function revokeFeed({ tx, viewer, now }: Work, input: FeedRefInput): Promise<{ id: string }> {
  const [row] = await tx
    .select({ ownerId: calendarFeeds.ownerId })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.id, input.id), isNull(calendarFeeds.revokedAt)))
    .for("update");
  if (!row || (row.ownerId !== viewer.id && viewer.role !== "admin")) throw new NotFound("feeds.errors.notFound");
  await tx.update(calendarFeeds).set({ revokedAt: now }).where(eq(calendarFeeds.id, input.id));
  return { id: input.id };
}

/** Admin pages call this first: anyone else is refused. */
export function checkAdmin(viewer: Viewer): void {
  if (viewer.role !== "admin") throw new Forbidden("forbidden");
}
