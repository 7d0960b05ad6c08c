import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { holidayOverrides, moments, workSchedule } from "@/db/schema";
import { createTask } from "@/lib/tasks/commands";
import { createTaskInput } from "@/lib/tasks/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { perform, performedEffects } from "@/lib/testing/perform";
import { makeTaskOrg } from "@/lib/testing/task-org";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { addDayOffAction, removeDayOffAction } from "./actions";
import { addDayOff, removeDayOff } from "./commands";
import { daysOffView } from "./days-off";
import { pendingMoments } from "./fire";
import { addDayOffInput, removeDayOffInput } from "./schema";

const WAW = "Europe/Warsaw";
const at = (local: string) => wallClockToInstant(local, WAW)!;
// The commands run on 1 December 2026, well before the due moments below.
const NOW = at("2026-12-01T09:00");

type Org = Awaited<ReturnType<typeof makeTaskOrg>>;

afterEach(async () => {
  const db = await testDb();
  await db.delete(holidayOverrides);
  await db.delete(workSchedule);
});

/** A normal-priority task (one working day to escalation) due Wednesday 23 December 2026, 14:00 Warsaw. */
async function taskDueBeforeChristmas(db: Db, org: Org) {
  const dueAt = instantToWallClock(at("2026-12-23T14:00"), org.boss.viewer.timeZone);
  return perform(
    db,
    org.boss.viewer,
    createTask,
    createTaskInput.parse({ title: "Przegląd przed świętami", assigneeId: org.tech.id, dueAt, priority: "normal" }),
    {
      now: NOW,
    },
  );
}

async function escalationAt(db: Db, taskId: string): Promise<string | undefined> {
  const [row] = await db.select().from(moments).where(eq(moments.itemId, taskId));
  const pending = await pendingMoments(db, taskId, row!.version);
  const escalation = pending.find((m) => m.kind === "escalation");
  return escalation ? instantToWallClock(escalation.at, WAW) : undefined;
}

const overrides = (db: Db) =>
  db.select({ day: holidayOverrides.day, change: holidayOverrides.change, note: holidayOverrides.note }).from(holidayOverrides).orderBy(holidayOverrides.day);

describe("the organisation's days off", () => {
  it("skips the Polish Christmas holidays by default, and moves pending escalations when an admin removes or adds a day", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const task = await taskDueBeforeChristmas(db, org);
    // 24, 25 and 26 December are holidays, 27th a Sunday: one working day later is Monday 28th.
    expect(await escalationAt(db, task.id)).toBe("2026-12-28T14:00");

    await perform(db, org.admin.viewer, removeDayOff, removeDayOffInput.parse({ day: "2026-12-24" }), { now: NOW });
    expect(await overrides(db)).toEqual([{ day: "2026-12-24", change: "removed", note: null }]);
    expect(await escalationAt(db, task.id)).toBe("2026-12-24T14:00");
    expect(performedEffects().at(-1)).toContainEqual({ kind: "schedule", item: expect.objectContaining({ type: "task", id: task.id }) });

    // Given back, the public holiday needs no row of its own.
    await perform(db, org.admin.viewer, addDayOff, addDayOffInput.parse({ day: "2026-12-24" }), { now: NOW });
    expect(await overrides(db)).toEqual([]);
    expect(await escalationAt(db, task.id)).toBe("2026-12-28T14:00");

    await perform(db, org.admin.viewer, addDayOff, addDayOffInput.parse({ day: "2026-12-28", note: "Inwentaryzacja" }), { now: NOW });
    expect(await overrides(db)).toEqual([{ day: "2026-12-28", change: "added", note: "Inwentaryzacja" }]);
    expect(await escalationAt(db, task.id)).toBe("2026-12-29T14:00");

    await perform(db, org.admin.viewer, removeDayOff, removeDayOffInput.parse({ day: "2026-12-28" }), { now: NOW });
    expect(await overrides(db)).toEqual([]);
    expect(await escalationAt(db, task.id)).toBe("2026-12-28T14:00");
  });

  it("refuses a day that is already off, or one that is not, with a field error and nothing changed", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const task = await taskDueBeforeChristmas(db, org);
    await perform(db, org.admin.viewer, addDayOff, addDayOffInput.parse({ day: "2026-12-31" }), { now: NOW });
    const before = { rows: await overrides(db), escalation: await escalationAt(db, task.id) };

    // Added already, and a public holiday.
    for (const day of ["2026-12-31", "2026-12-25"]) {
      await expect(perform(db, org.admin.viewer, addDayOff, addDayOffInput.parse({ day }), { now: NOW })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { day: ["reminders.errors.holidayDuplicate"] },
      });
    }
    await expect(perform(db, org.admin.viewer, removeDayOff, removeDayOffInput.parse({ day: "2026-12-22" }), { now: NOW })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { day: ["reminders.errors.notDayOff"] },
    });
    expect({ rows: await overrides(db), escalation: await escalationAt(db, task.id) }).toEqual(before);
  });

  it("lists this year's and next year's public holidays with the admins' changes", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    await perform(db, org.admin.viewer, addDayOff, addDayOffInput.parse({ day: "2027-01-02", note: "Most" }), { now: NOW });
    await perform(db, org.admin.viewer, removeDayOff, removeDayOffInput.parse({ day: "2026-11-11" }), { now: NOW });
    const view = await daysOffView(db, NOW);
    expect(view.years).toEqual([2026, 2027]);
    expect(view.days.filter((d) => d.day >= "2026-11-01" && d.day <= "2027-01-06")).toEqual([
      { day: "2026-11-01", status: "public", name: "allSaints", note: null },
      { day: "2026-11-11", status: "removed", name: "independenceDay", note: null },
      { day: "2026-12-24", status: "public", name: "christmasEve", note: null },
      { day: "2026-12-25", status: "public", name: "christmasDay", note: null },
      { day: "2026-12-26", status: "public", name: "boxingDay", note: null },
      { day: "2027-01-01", status: "public", name: "newYear", note: null },
      { day: "2027-01-02", status: "added", name: null, note: "Most" },
      { day: "2027-01-06", status: "public", name: "epiphany", note: null },
    ]);
  });
});

describe("addDayOffAction and removeDayOffAction", () => {
  it("are for admins only, and refuse bad input, writing nothing", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    for (const viewer of [org.boss.viewer, org.stranger.viewer]) {
      actAs(viewer);
      expect(await addDayOffAction({ day: "2027-03-15", note: "" })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await removeDayOffAction({ day: "2027-01-01" })).toMatchObject({ ok: false, code: "forbidden" });
    }
    actAs(null);
    expect(await addDayOffAction({ day: "2027-03-15", note: "" })).toMatchObject({ ok: false, code: "unauthenticated" });

    actAs(org.admin.viewer);
    for (const day of ["15.03.2027", "2027-02-30", "2027-3-15", "", "1999-12-31"]) {
      const result = await addDayOffAction({ day, note: "" });
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      expect(result.ok ? null : result.fieldErrors?.day).toEqual([expect.stringMatching(/MM-DD/)]);
    }
    expect(await addDayOffAction({ day: "2027-03-15", note: "x".repeat(81) })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { note: [expect.any(String)] },
    });
    expect(await addDayOffAction({ day: "2027-01-01", note: "" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { day: ["This date is already a day off."] },
    });
    expect(await overrides(db)).toEqual([]);

    expect(await addDayOffAction({ day: "2027-03-15", note: "" })).toMatchObject({ ok: true });
    expect(await removeDayOffAction({ day: "2027-01-01" })).toMatchObject({ ok: true });
    expect(await overrides(db)).toEqual([
      { day: "2027-01-01", change: "removed", note: null },
      { day: "2027-03-15", change: "added", note: null },
    ]);
  });
});
