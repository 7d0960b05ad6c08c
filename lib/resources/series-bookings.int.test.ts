import { randomUUID } from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, calendarEntries, calendarOccurrenceOverrides, notifications, seriesResources } from "@/db/schema";
import { extendSeriesBookingsFn } from "@/inngest/functions/extend-series-bookings";
import { functions } from "@/inngest";
import {
  cancelEntryAction,
  changeOccurrenceAction,
  createEntryAction,
  deleteOccurrenceAction,
  moveEntryAction,
  updateEntryAction,
} from "@/lib/calendar/actions";
import { createEntry } from "@/lib/calendar/commands";
import { createEntryInput } from "@/lib/calendar/schema";
import { runUnit } from "@/lib/effects/unit";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { withFakeFunctionRuntime } from "@/lib/testing/function-runtime";
import { makeUser } from "@/lib/testing/factories";
import { createResourceAction } from "./actions";
import { bookResource, overlappingLiveBookings, retireResource } from "./commands";
import { resourcesOfEntry } from "./entry-bookings";
import { bookingsInWindow } from "./queries";
import { resourceTimeline } from "./timeline";
import type { SeriesConflictDetails } from "./series-bookings";
import { extendSeriesBookings } from "./series-horizon";

const WARSAW = "Europe/Warsaw";
/** Mondays at 10:00 Warsaw, five times: 1 March 2027 (CET) to 29 March (CEST, after the 28th's change). */
const weekly = { frequency: "weekly", ends: { kind: "afterCount", count: 5 } } as const;
const firstTime = { allDay: false, start: "2027-03-01T10:00", end: "2027-03-01T11:00" } as const;
const MONDAYS = ["2027-03-01T09:00:00.000Z", "2027-03-08T09:00:00.000Z", "2027-03-15T09:00:00.000Z", "2027-03-22T09:00:00.000Z", "2027-03-29T08:00:00.000Z"];

async function office() {
  const db = await testDb();
  const zone = { timeZone: WARSAW, locale: "en" as const };
  const admin = await makeUser(db, { ...zone, role: "admin" });
  const anna = await makeUser(db, zone);
  const bartek = await makeUser(db, zone);
  const cezary = await makeUser(db, zone);
  const floor = `Floor ${randomUUID().slice(0, 6)}`;
  actAs(admin.viewer);
  const make = async (name: string) => {
    const full = `${name} ${randomUUID().slice(0, 6)}`;
    const made = await createResourceAction({ name: full, kind: "room", location: floor });
    if (!made.ok) throw new Error(`setup: ${made.error}`);
    return { id: made.data.id, name: full };
  };
  return { db, admin, anna, bartek, cezary, floor, room: await make("Kopernik"), spare: await make("Curie") };
}

async function liveBookings(entryId: string) {
  const db = await testDb();
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.entryId, entryId), isNull(bookings.cancelledAt)))
    .orderBy(asc(bookings.startsAt), asc(bookings.resourceId));
}

const startsOf = async (entryId: string) => (await liveBookings(entryId)).map((b) => b.startsAt.toISOString());

async function take(viewer: Parameters<typeof actAs>[0], roomId: string, day: string, from: string, to: string, extra: Record<string, unknown> = {}) {
  actAs(viewer);
  const made = await createEntryAction({
    title: "Audit",
    time: { allDay: false, start: `${day}T${from}`, end: `${day}T${to}` },
    resourceIds: [roomId],
    ...extra,
  });
  if (!made.ok) throw new Error(`setup: ${made.error}`);
  return made.data.id;
}

describe("rooms on a recurring series", () => {
  it("books every occurrence, across the clock change, and the room's week and the timeline show them", async () => {
    const { db, anna, floor, room } = await office();
    actAs(anna.viewer);
    const made = await createEntryAction({ title: "Weekly", time: firstTime, repeat: weekly, resourceIds: [room.id] });
    expect(made).toMatchObject({ ok: true });
    const id = (made as { data: { id: string } }).data.id;
    const rows = await liveBookings(id);
    expect(rows.map((b) => [b.startsAt.toISOString(), b.recurrenceId?.toISOString(), b.purpose])).toEqual(MONDAYS.map((m) => [m, m, "Weekly"]));
    expect(await resourcesOfEntry(db, id)).toEqual([expect.objectContaining({ id: room.id })]);
    const week = await bookingsInWindow(db, anna.viewer, room.id, new Date("2027-03-28T00:00Z"), new Date("2027-04-04T00:00Z"));
    expect(week).toEqual([expect.objectContaining({ entryId: id, purpose: "Weekly" })]);
    expect(week[0]!.start.toISOString()).toBe("2027-03-29T08:00:00.000Z");
    const timeline = await resourceTimeline(db, anna.viewer, { filter: { location: floor }, scale: "week", date: "2027-03-29", firstDay: 1 });
    expect(timeline.bookings.filter((b) => b.entryId === id).map((b) => b.start.toISOString())).toEqual([MONDAYS[4]]);
  });

  it("lists exactly the taken dates with who holds them (private: busy, no title), and writes nothing", async () => {
    const { db, anna, bartek, cezary, room } = await office();
    await take(bartek.viewer, room.id, "2027-03-15", "10:30", "11:30", { visibility: "private", title: "Doctor" });
    await take(cezary.viewer, room.id, "2027-03-29", "09:30", "10:15");
    actAs(anna.viewer);
    const title = `Series ${randomUUID().slice(0, 6)}`;
    const refused = await createEntryAction({ title, time: firstTime, repeat: weekly, resourceIds: [room.id] });
    expect(refused).toMatchObject({ ok: false, code: "conflict", error: expect.stringMatching(/^2 dates of this series/) });
    const details = (refused as { details?: SeriesConflictDetails }).details!;
    expect(details.seriesConflicts).toEqual([
      { recurrenceId: MONDAYS[2], start: MONDAYS[2], end: "2027-03-15T10:00:00.000Z", resource: { id: room.id, name: room.name }, occupant: null },
      {
        recurrenceId: MONDAYS[4],
        start: MONDAYS[4],
        end: "2027-03-29T09:00:00.000Z",
        resource: { id: room.id, name: room.name },
        occupant: { title: "Audit", owner: cezary.name },
      },
    ]);
    expect(JSON.stringify(details)).not.toContain("Doctor");
    expect(await db.select().from(calendarEntries).where(eq(calendarEntries.title, title))).toEqual([]);
    expect(await overlappingLiveBookings(db)).toBe(0);
  });

  it("skips the taken dates when asked (deleted occurrences) and books the rest; or takes the free room offered instead", async () => {
    const { db, anna, bartek, room, spare } = await office();
    await take(bartek.viewer, room.id, "2027-03-15", "10:30", "11:30");
    actAs(anna.viewer);
    const refused = await createEntryAction({ title: "Weekly", time: firstTime, repeat: weekly, resourceIds: [room.id] });
    const details = (refused as { details?: SeriesConflictDetails }).details!;
    expect(details.alternatives).toEqual([{ resource: { id: room.id, name: room.name }, instead: [{ id: spare.id, name: spare.name }] }]);

    const skipped = await createEntryAction({
      title: "Weekly",
      time: firstTime,
      repeat: weekly,
      resourceIds: [room.id],
      skipDates: details.seriesConflicts.map((c) => c.recurrenceId),
    });
    expect(skipped).toMatchObject({ ok: true });
    const id = (skipped as { data: { id: string } }).data.id;
    expect(await startsOf(id)).toEqual([MONDAYS[0], MONDAYS[1], MONDAYS[3], MONDAYS[4]]);
    const overrides = await db.select().from(calendarOccurrenceOverrides).where(eq(calendarOccurrenceOverrides.entryId, id));
    expect(overrides.map((o) => [o.recurrenceId.toISOString(), o.cancelled])).toEqual([[MONDAYS[2], true]]);

    const instead = await createEntryAction({ title: "Other", time: firstTime, repeat: weekly, resourceIds: [details.alternatives[0]!.instead[0]!.id] });
    expect(instead).toMatchObject({ ok: true });
    expect((await liveBookings((instead as { data: { id: string } }).data.id)).map((b) => b.resourceId)).toEqual(MONDAYS.map(() => spare.id));
    expect(await overlappingLiveBookings(db)).toBe(0);
  });

  it("refuses a skip date the series does not have, and writes nothing", async () => {
    const { db, anna, room } = await office();
    actAs(anna.viewer);
    const title = `Odd ${randomUUID().slice(0, 6)}`;
    const refused = await createEntryAction({ title, time: firstTime, repeat: weekly, resourceIds: [room.id], skipDates: ["2027-03-02T09:00:00.000Z"] });
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { skipDates: [expect.any(String)] } });
    expect(await db.select().from(calendarEntries).where(eq(calendarEntries.title, title))).toEqual([]);
  });

  it("moving the series or adding a room to it lists the taken dates and moves nothing", async () => {
    const { db, anna, bartek, room, spare } = await office();
    actAs(anna.viewer);
    const made = await createEntryAction({ title: "Weekly", time: firstTime, repeat: weekly, resourceIds: [room.id] });
    const id = (made as { data: { id: string } }).data.id;
    await take(bartek.viewer, room.id, "2027-03-22", "12:00", "13:00");
    await take(bartek.viewer, spare.id, "2027-03-08", "10:00", "11:00");
    actAs(anna.viewer);
    const moved = await moveEntryAction({ id, time: { allDay: false, start: "2027-03-01T12:00", end: "2027-03-01T13:00" } });
    expect(moved).toMatchObject({ ok: false, code: "conflict" });
    expect((moved as { details?: SeriesConflictDetails }).details!.seriesConflicts.map((c) => c.start)).toEqual(["2027-03-22T11:00:00.000Z"]);
    const added = await updateEntryAction({ id, title: "Weekly", time: firstTime, resourceIds: [room.id, spare.id] });
    expect(added).toMatchObject({ ok: false, code: "conflict" });
    expect((added as { details?: SeriesConflictDetails }).details!.seriesConflicts.map((c) => [c.start, c.resource.id])).toEqual([[MONDAYS[1], spare.id]]);
    expect(await startsOf(id)).toEqual(MONDAYS);
    const [entry] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, id));
    expect(entry!.startsAt!.toISOString()).toBe(MONDAYS[0]);

    const skipping = await updateEntryAction({ id, title: "Weekly", time: firstTime, resourceIds: [room.id, spare.id], skipDates: [MONDAYS[1]!] });
    expect(skipping).toMatchObject({ ok: true });
    const held = (await liveBookings(id)).map((b) => `${b.startsAt.toISOString()} ${b.resourceId === room.id ? "room" : "spare"}`).sort();
    // The skipped Monday is a deleted occurrence: neither room is held for it.
    expect(held).toEqual(MONDAYS.flatMap((m, i) => (i === 1 ? [] : [`${m} room`, `${m} spare`])).sort());
  });

  it("moves only one occurrence's booking, frees a deleted one's, splits at 'this and following', and frees all with the series", async () => {
    const { db, anna, bartek, room, spare } = await office();
    actAs(anna.viewer);
    const made = await createEntryAction({ title: "Weekly", time: firstTime, repeat: weekly, resourceIds: [room.id] });
    const id = (made as { data: { id: string } }).data.id;
    await take(bartek.viewer, room.id, "2027-03-09", "10:00", "11:00");
    actAs(anna.viewer);

    const clash = await changeOccurrenceAction({
      id,
      recurrenceId: MONDAYS[1]!,
      scope: "one",
      time: { allDay: false, start: "2027-03-09T10:00", end: "2027-03-09T11:00" },
    });
    expect(clash).toMatchObject({ ok: false, code: "conflict" });
    expect(await startsOf(id)).toEqual(MONDAYS);

    const moved = await changeOccurrenceAction({
      id,
      recurrenceId: MONDAYS[1]!,
      scope: "one",
      time: { allDay: false, start: "2027-03-09T14:00", end: "2027-03-09T15:00" },
    });
    expect(moved).toMatchObject({ ok: true });
    expect(await startsOf(id)).toEqual([MONDAYS[0], "2027-03-09T13:00:00.000Z", MONDAYS[2], MONDAYS[3], MONDAYS[4]]);

    const swapped = await changeOccurrenceAction({
      id,
      recurrenceId: MONDAYS[2]!,
      scope: "one",
      time: { allDay: false, ...{ start: "2027-03-15T10:00", end: "2027-03-15T11:00" } },
      resourceIds: [spare.id],
    });
    expect(swapped).toMatchObject({ ok: true });
    expect((await liveBookings(id)).map((b) => (b.resourceId === spare.id ? "spare" : "room"))).toEqual(["room", "room", "spare", "room", "room"]);
    // An edit of the series that keeps its room keeps that date's own room; every booking takes the new title.
    expect(await updateEntryAction({ id, title: "Weekly review", time: firstTime })).toMatchObject({ ok: true });
    expect((await liveBookings(id)).map((b) => `${b.resourceId === spare.id ? "spare" : "room"} ${b.purpose}`)).toEqual(
      ["room", "room", "spare", "room", "room"].map((r) => `${r} Weekly review`),
    );

    expect(await deleteOccurrenceAction({ id, recurrenceId: MONDAYS[0]!, scope: "one" })).toMatchObject({ ok: true });
    expect(await startsOf(id)).toEqual(["2027-03-09T13:00:00.000Z", MONDAYS[2], MONDAYS[3], MONDAYS[4]]);

    const split = await changeOccurrenceAction({
      id,
      recurrenceId: MONDAYS[3]!,
      scope: "following",
      time: { allDay: false, start: "2027-03-22T12:00", end: "2027-03-22T13:00" },
    });
    expect(split).toMatchObject({ ok: true });
    const tail = (split as { data: { id: string } }).data.id;
    expect(await startsOf(id)).toEqual(["2027-03-09T13:00:00.000Z", MONDAYS[2]]);
    expect(await startsOf(tail)).toEqual(["2027-03-22T11:00:00.000Z", "2027-03-29T10:00:00.000Z"]);

    expect(await cancelEntryAction({ id })).toMatchObject({ ok: true });
    expect(await cancelEntryAction({ id: tail })).toMatchObject({ ok: true });
    expect(await liveBookings(id)).toEqual([]);
    expect(await liveBookings(tail)).toEqual([]);
    expect(await db.select().from(seriesResources).where(eq(seriesResources.entryId, id))).toEqual([]);
    expect(await overlappingLiveBookings(db)).toBe(0);
  });

  it("refuses a stranger every change of the series' occurrences and bookings", async () => {
    const { anna, bartek, room, spare } = await office();
    actAs(anna.viewer);
    const made = await createEntryAction({ title: "Weekly", time: firstTime, repeat: weekly, resourceIds: [room.id] });
    const id = (made as { data: { id: string } }).data.id;
    actAs(bartek.viewer);
    const attempts = [
      await changeOccurrenceAction({
        id,
        recurrenceId: MONDAYS[1]!,
        scope: "one",
        time: { allDay: false, start: "2027-03-08T14:00", end: "2027-03-08T15:00" },
      }),
      await changeOccurrenceAction({
        id,
        recurrenceId: MONDAYS[1]!,
        scope: "one",
        time: { allDay: false, start: "2027-03-08T10:00", end: "2027-03-08T11:00" },
        resourceIds: [spare.id],
      }),
      await deleteOccurrenceAction({ id, recurrenceId: MONDAYS[1]!, scope: "one" }),
      await deleteOccurrenceAction({ id, recurrenceId: MONDAYS[1]!, scope: "following" }),
      await updateEntryAction({ id, title: "Mine", time: firstTime, resourceIds: [], skipDates: [MONDAYS[2]!] }),
      await moveEntryAction({ id, time: { allDay: false, start: "2027-03-01T12:00", end: "2027-03-01T13:00" } }),
      await cancelEntryAction({ id }),
    ];
    for (const attempt of attempts) expect(attempt).toMatchObject({ ok: false, code: expect.stringMatching(/^(not_found|forbidden)$/) });
    expect(await startsOf(id)).toEqual(MONDAYS);
  });
});

describe("the booking horizon", () => {
  withFakeFunctionRuntime();
  const T0 = new Date("2027-01-04T00:00:00.000Z");
  const DAY = 86_400_000;

  it("books a never-ending series a year ahead; the daily job extends it, skips and reports a taken date once, and is idempotent", async () => {
    const { db, anna, bartek, room } = await office();
    const title = `Standing ${randomUUID().slice(0, 6)}`;
    const { id } = await runUnit(
      db,
      anna.viewer,
      (work) =>
        createEntry(
          work,
          createEntryInput.parse({
            title,
            time: { allDay: false, start: "2027-01-04T09:00", end: "2027-01-04T10:00" },
            repeat: { frequency: "weekly", ends: { kind: "never" } },
            resourceIds: [room.id],
          }),
        ),
      { now: T0 },
    );
    const first = await liveBookings(id);
    // Mondays 4 January 2027 to 3 January 2028: the occurrences starting before the horizon.
    expect(first).toHaveLength(53);
    expect(first.at(-1)!.startsAt.toISOString()).toBe("2028-01-03T08:00:00.000Z");
    // Someone books the room on a Monday the horizon has not reached yet.
    await runUnit(
      db,
      bartek.viewer,
      (work) => bookResource(work, { resourceId: room.id, start: "2028-01-10T09:30", end: "2028-01-10T11:00", purpose: "Training" }),
      {
        now: T0,
      },
    );

    const later = new Date(T0.getTime() + 14 * DAY);
    await extendSeriesBookings(db, later);
    const extended = await liveBookings(id);
    expect(extended.slice(53).map((b) => b.startsAt.toISOString())).toEqual(["2028-01-17T08:00:00.000Z"]);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, anna.id), eq(notifications.kind, "resource.seriesDatesSkipped")))
      .orderBy(asc(notifications.createdAt));
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toMatchObject({
      entryId: id,
      resourceId: room.id,
      count: 1,
      dates: [{ start: "2028-01-10T08:00:00.000Z", end: "2028-01-10T09:00:00.000Z", title: "Training", owner: bartek.name, reason: "taken" }],
    });
    expect(told[0]!.body).toContain("Training");

    await extendSeriesBookings(db, later);
    await extendSeriesBookings(db, new Date(later.getTime() + 60_000));
    expect(await liveBookings(id)).toHaveLength(54);
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, anna.id), eq(notifications.kind, "resource.seriesDatesSkipped"))),
    ).toHaveLength(1);
    const [held] = await db.select().from(seriesResources).where(eq(seriesResources.entryId, id));
    expect(held!.bookedUntil.toISOString()).toBe("2028-01-18T00:01:00.000Z");
    expect(await overlappingLiveBookings(db)).toBe(0);
  });

  it("stops booking a retired resource for a series, and tells nobody of dates it no longer tries", async () => {
    const { db, admin, anna, room } = await office();
    const { id } = await runUnit(
      db,
      anna.viewer,
      (work) =>
        createEntry(
          work,
          createEntryInput.parse({
            title: "Standing",
            time: { allDay: false, start: "2027-01-05T09:00", end: "2027-01-05T10:00" },
            repeat: { frequency: "weekly", ends: { kind: "never" } },
            resourceIds: [room.id],
          }),
        ),
      { now: T0 },
    );
    await runUnit(db, admin.viewer, (work) => retireResource(work, { id: room.id, futureBookings: "cancel" }), { now: T0 });
    expect(await liveBookings(id)).toEqual([]);
    expect(await db.select().from(seriesResources).where(eq(seriesResources.entryId, id))).toEqual([]);
    await extendSeriesBookings(db, new Date(T0.getTime() + 30 * DAY));
    expect(await liveBookings(id)).toEqual([]);
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, anna.id), eq(notifications.kind, "resource.seriesDatesSkipped"))),
    ).toEqual([]);
  });

  it("runs daily as an Inngest cron function that the app serves", async () => {
    expect(extendSeriesBookingsFn.opts.triggers).toEqual([{ cron: "TZ=UTC 30 2 * * *" }]);
    expect(functions).toContain(extendSeriesBookingsFn);
    const { result } = await new InngestTestEngine({ function: extendSeriesBookingsFn }).execute();
    expect(result).toMatchObject({ series: expect.any(Number), booked: expect.any(Number), skipped: expect.any(Number) });
  });
});
