import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { perform } from "@/lib/testing/perform";
import { describe, expect, it } from "vitest";
import { calendarEntries, calendarEntryAttendees, calendars, moments, notifications, timelineBackfill } from "@/db/schema";
import { createTask } from "@/lib/tasks/commands";
import { createTaskInput } from "@/lib/tasks/schema";
import { emptyDatabase } from "@/lib/testing/empty-database";
import { makeUser } from "@/lib/testing/factories";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { testDb } from "@/lib/testing/db";
import { instantToWallClock } from "@/lib/time/zoned";
import { reconcileTimelines } from "./reconcile";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe("reconcile", () => {
  it("sends every due moment whose run never started in one pass, and nothing again on the next", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    // Ahead when set (so not skipped), due by the time of the pass.
    const due = new Date(Math.ceil((Date.now() + 3 * MINUTE) / MINUTE) * MINUTE);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const dueAt = instantToWallClock(due, org.boss.viewer.timeZone);
      const task = await perform(db, org.boss.viewer, createTask, createTaskInput.parse({ title: `Zaległe ${i}`, assigneeId: org.tech.id, dueAt }));
      ids.push(task.id);
    }
    const overdueSent = async () =>
      new Set(
        (
          await db
            .select({ taskId: moments.itemId })
            .from(moments)
            .where(and(inArray(moments.itemId, ids), eq(moments.kind, "overdue"), isNotNull(moments.sentAt)))
        ).map((r) => r.taskId),
      );
    const notices = () =>
      db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, "task.overdue"),
            inArray(
              notifications.link,
              ids.map((id) => `/tasks/${id}`),
            ),
          ),
        );
    expect((await overdueSent()).size).toBe(0);

    const now = new Date(due.getTime() + MINUTE);
    const first = await reconcileTimelines(db, now);
    expect(first.checked).toBeGreaterThanOrEqual(ids.length);
    expect(await overdueSent()).toEqual(new Set(ids));
    // The assignee and the delegator of each task, once.
    expect(await notices()).toHaveLength(2 * ids.length);
    await reconcileTimelines(db, now);
    expect(await notices()).toHaveLength(2 * ids.length);
  });
});

describe("the backfill", () => {
  it("writes the reminders of entries that never had a timeline, for the owner and every attendee who has not declined, once; cancelled and begun entries get none", async () => {
    // A database of its own: the backfill's progress is per database, and this one starts where
    // a deployment from before entry reminders was (the tasks' walk long done, none for entries).
    const handle = await emptyDatabase();
    try {
      const { db } = handle;
      const tasksDone = new Date(Math.floor(Date.now() / MINUTE) * MINUTE - 30 * DAY);
      await db.update(timelineBackfill).set({ doneAt: tasksDone });

      const owner = await makeUser(db, { timeZone: "Europe/Warsaw" });
      const guest = await makeUser(db, { timeZone: "America/New_York" });
      const decliner = await makeUser(db, { timeZone: "Europe/Warsaw" });
      const [calendar] = await db.insert(calendars).values({ userId: owner.id }).returning();
      const now = new Date(Math.ceil(Date.now() / MINUTE) * MINUTE);
      const at = (ms: number) => new Date(now.getTime() + ms);
      // Written as the demo seed and entries older than their reminders are: rows, no moments.
      const entry = async (title: string, startsAt: Date, extra: Partial<typeof calendarEntries.$inferInsert> = {}) => {
        const [row] = await db
          .insert(calendarEntries)
          .values({ calendarId: calendar!.id, title, startsAt, endsAt: new Date(startsAt.getTime() + 60 * MINUTE), ...extra })
          .returning();
        await db.insert(calendarEntryAttendees).values([
          { entryId: row!.id, userId: guest.id, response: "accepted" as const, startsAt },
          { entryId: row!.id, userId: decliner.id, response: "declined" as const, startsAt },
        ]);
        return row!;
      };
      const ahead = await entry("Odprawa", at(2 * DAY));
      const cancelled = await entry("Odwołane spotkanie", at(2 * DAY), { cancelledAt: now });
      const past = await entry("Wczorajsza wizyta", at(-DAY));
      const underWay = await entry("Trwające szkolenie", at(-10 * MINUTE));
      const ids = [ahead.id, cancelled.id, past.id, underWay.id];
      const written = async () =>
        (
          await db
            .select()
            .from(moments)
            .where(and(eq(moments.itemType, "entry"), inArray(moments.itemId, ids)))
        )
          .map((m) => ({ id: m.id, entry: m.itemId, recipient: m.recipientId, kind: m.kind, at: m.at.toISOString(), sentAt: m.sentAt, outcome: m.outcome }))
          .sort((a, b) => (a.recipient ?? "").localeCompare(b.recipient ?? ""));
      expect(await written()).toEqual([]);

      await reconcileTimelines(db, now);
      const reminderAt = at(2 * DAY - 15 * MINUTE).toISOString();
      const rows = await written();
      expect(rows).toEqual(
        [owner.id, guest.id]
          .sort()
          .map((recipient) => ({ id: expect.any(String), entry: ahead.id, recipient, kind: "reminder", at: reminderAt, sentAt: null, outcome: null })),
      );
      // One row per kind: the tasks' as it was, the entries' walked to its end by this pass.
      expect(await db.select().from(timelineBackfill).orderBy(timelineBackfill.itemType)).toEqual([
        { itemType: "entry", afterId: expect.any(String), doneAt: now },
        { itemType: "task", afterId: null, doneAt: tasksDone },
      ]);

      // Idempotent: another pass writes nothing more and changes nothing.
      await reconcileTimelines(db, now);
      expect(await written()).toEqual(rows);

      // And they are sent when they come, once each.
      const reminders = () =>
        db
          .select({ recipientId: notifications.recipientId })
          .from(notifications)
          .where(and(eq(notifications.kind, "calendar.reminder"), eq(notifications.link, `/calendar/entries/${ahead.id}`)));
      await reconcileTimelines(db, at(2 * DAY - 14 * MINUTE));
      await reconcileTimelines(db, at(2 * DAY - 13 * MINUTE));
      expect((await reminders()).map((r) => r.recipientId).sort()).toEqual([owner.id, guest.id].sort());
    } finally {
      await handle.close();
    }
  });
});
