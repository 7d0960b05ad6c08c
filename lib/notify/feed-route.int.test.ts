import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/notifications/route";
import type { Db } from "@/db";
import { notifications } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { answerEntryAction, cancelEntryAction, createEntryAction } from "@/lib/calendar/actions";
import { updateProfileAction } from "@/lib/org/actions";
import { snoozeReminderAction } from "@/lib/reminders/actions";
import { fireDueMoments, pendingMoments } from "@/lib/reminders/fire";
import { createTaskAction } from "@/lib/tasks/actions";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { perform, unitOf } from "@/lib/testing/perform";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { instantToWallClock } from "@/lib/time/zoned";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";
import { writeOutbox } from "./outbox";

const URL_ = "http://localhost/api/notifications";
const poll = (etag?: string | null) => GET(new Request(URL_, { headers: etag ? { "if-none-match": etag } : {} }));

async function notice(db: Db, recipientId: string, title = `Powiadomienie ${randomUUID()}`) {
  const [id] = await db.transaction((tx) =>
    writeOutbox(unitOf(tx), [{ recipientId, kind: "task.assigned", title, body: "", link: "/tasks/x", dedupeKey: `feed:${randomUUID()}` }]),
  );
  return id!;
}

/** Polls as `viewer` with the last validator: expects 304 and no body when nothing changed. */
async function expectUnchanged(viewer: Viewer, etag: string) {
  actAs(viewer);
  const res = await poll(etag);
  expect(res.status).toBe(304);
  expect(await res.text()).toBe("");
  expect(res.headers.get("etag")).toBe(etag);
}

/** Polls with the last validator and expects a fresh 200 with a new one; returns it. */
async function expectChanged(viewer: Viewer, etag: string): Promise<string> {
  actAs(viewer);
  const res = await poll(etag);
  expect(res.status).toBe(200);
  const next = res.headers.get("etag")!;
  expect(next).not.toBe(etag);
  await expectUnchanged(viewer, next);
  return next;
}

describe("GET /api/notifications (the bell's feed)", () => {
  it("answers 401 when signed out and shows each person only their own notifications", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const other = await makeUser(db);
    const title = `Tylko dla właściciela ${randomUUID()}`;
    await notice(db, owner.id, title);

    actAs(null);
    const refused = await poll();
    expect(refused.status).toBe(401);
    expect(refused.headers.get("etag")).toBeNull();

    actAs(other.viewer);
    const strangerFeed = (await (await poll()).json()) as { unread: number; items: { title: string }[] };
    expect(strangerFeed).toEqual({ unread: 0, items: [] });

    actAs(owner.viewer);
    const res = await poll();
    expect(res.headers.get("cache-control")).toBe("private, no-cache");
    const feed = (await res.json()) as { unread: number; items: { title: string }[] };
    expect(feed.unread).toBe(1);
    expect(feed.items.map((i) => i.title)).toEqual([title]);
  });

  it("answers an unchanged poll 304 and a poll after each kind of change 200", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const ids = [await notice(db, me.id), await notice(db, me.id), await notice(db, me.id)];
    actAs(me.viewer);
    const first = await poll();
    expect(first.status).toBe(200);
    let etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    await expectUnchanged(me.viewer, etag);
    // Another person's notices do not change mine.
    await notice(db, (await makeUser(db)).id);
    await expectUnchanged(me.viewer, etag);

    // A new notice.
    await notice(db, me.id);
    etag = await expectChanged(me.viewer, etag);
    // One read.
    actAs(me.viewer);
    expect((await markNotificationReadAction({ id: ids[0]! })).ok).toBe(true);
    etag = await expectChanged(me.viewer, etag);
    // All read.
    actAs(me.viewer);
    expect((await markAllNotificationsReadAction({})).ok).toBe(true);
    etag = await expectChanged(me.viewer, etag);
    // A notice deleted (an account's cleanup, a script).
    await db.delete(notifications).where(eq(notifications.id, ids[2]!));
    etag = await expectChanged(me.viewer, etag);
    // A notice below the menu's eight still counts through the unread count.
    for (let i = 0; i < 9; i++) await notice(db, me.id);
    etag = await expectChanged(me.viewer, etag);
    await db.update(notifications).set({ readAt: null }).where(eq(notifications.id, ids[1]!));
    etag = await expectChanged(me.viewer, etag);

    // Language, zone and date format: the texts and times are rendered for the reader.
    const profile = { name: me.name, phone: "", timeZone: me.timeZone, locale: me.locale, workingMode: me.workingMode } as const;
    actAs(me.viewer);
    expect((await updateProfileAction({ ...profile, locale: "en" })).ok).toBe(true);
    let viewer = (await loadViewer(db, me.id))!;
    etag = await expectChanged(viewer, etag);
    actAs(viewer);
    expect((await updateProfileAction({ ...profile, locale: "en", timeZone: "America/New_York" })).ok).toBe(true);
    viewer = (await loadViewer(db, me.id))!;
    etag = await expectChanged(viewer, etag);
    actAs(viewer);
    expect((await updateProfileAction({ ...profile, locale: "en", timeZone: "America/New_York", dateFormat: "iso" })).ok).toBe(true);
    viewer = (await loadViewer(db, me.id))!;
    await expectChanged(viewer, etag);
  });

  it("changes when a reminder is snoozed (snoozing marks it read)", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const due = new Date(Date.now() + 2 * 3_600_000);
    actAs(org.boss.viewer);
    const created = await createTaskAction({
      title: "Wymiana filtra",
      assigneeId: org.tech.id,
      dueAt: instantToWallClock(due, org.boss.timeZone),
      reminders: [{ type: "before", offsetMinutes: 60 }],
    });
    if (!created.ok) throw new Error(created.error);
    const [moment] = await pendingMoments(db, created.data.id, 1);
    await perform(db, null, (work, upTo: Date) => fireDueMoments(work, created.data.id, { upTo }), moment!.at, { now: moment!.at });
    const [reminder] = await db.select().from(notifications).where(eq(notifications.dedupeKey, moment!.key));

    actAs(org.tech.viewer);
    const etag = (await poll()).headers.get("etag")!;
    await expectUnchanged(org.tech.viewer, etag);
    actAs(org.tech.viewer);
    expect((await snoozeReminderAction({ notificationId: reminder!.id, snooze: "10m" })).ok).toBe(true);
    await expectChanged(org.tech.viewer, etag);
  });

  it("carries an invitation's entry and the invitee's answer, changing when they answer anywhere, and nobody else's", async () => {
    const db = await testDb();
    const [owner, invitee, stranger] = [await makeUser(db), await makeUser(db), await makeUser(db)];
    const secret = `Poufne ${randomUUID()}`;
    actAs(owner.viewer);
    const created = await createEntryAction({
      time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:00" },
      title: secret,
      visibility: "private",
      attendeeIds: [invitee.id],
    });
    if (!created.ok) throw new Error(created.error);
    const entryId = created.data.id;
    type Feed = { items: { kind: string; answer: { entryId: string; response: string } | null }[] };

    actAs(invitee.viewer);
    const first = await poll();
    expect(((await first.json()) as Feed).items).toEqual([
      expect.objectContaining({ kind: "calendar.invited", answer: { entryId, response: "needs_action" } }),
    ]);
    let etag = first.headers.get("etag")!;
    await expectUnchanged(invitee.viewer, etag);

    // Answered on the entry's page or in another tab: no notice reaches the invitee, yet the bell must not keep the old answer.
    actAs(invitee.viewer);
    expect((await answerEntryAction({ entryId, response: "tentative" })).ok).toBe(true);
    actAs(invitee.viewer);
    const answered = await poll(etag);
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as Feed).items[0]!.answer).toEqual({ entryId, response: "tentative" });
    etag = answered.headers.get("etag")!;
    await expectUnchanged(invitee.viewer, etag);

    // The owner's notice of that answer offers none; a stranger's feed names nothing of it.
    actAs(owner.viewer);
    expect(((await (await poll()).json()) as Feed).items.map((i) => [i.kind, i.answer])).toEqual([["calendar.answered", null]]);
    actAs(stranger.viewer);
    const strangers = await (await poll()).text();
    expect(strangers).not.toContain(entryId);
    expect(strangers).not.toContain(secret);

    // Cancelled: nothing to answer any more.
    actAs(owner.viewer);
    expect((await cancelEntryAction({ id: entryId })).ok).toBe(true);
    actAs(invitee.viewer);
    const cancelled = await poll(etag);
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Feed).items.map((i) => [i.kind, i.answer])).toEqual([
      ["calendar.cancelled", null],
      ["calendar.invited", null],
    ]);
  });

  it("never answers one person's validator for another", async () => {
    const db = await testDb();
    const [a, b] = [await makeUser(db), await makeUser(db)];
    // Two people with nothing, and two with the same kind of state, still get different validators.
    actAs(a.viewer);
    const etagA = (await poll()).headers.get("etag")!;
    actAs(b.viewer);
    const resB = await poll(etagA);
    expect(resB.status).toBe(200);
    expect(resB.headers.get("etag")).not.toBe(etagA);
    expect(await resB.json()).toEqual({ unread: 0, items: [] });
    // "*" or a list containing it matches anything, but someone else's list never does.
    actAs(b.viewer);
    expect((await poll(`${etagA}, "x"`)).status).toBe(200);
  });
});
