import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it, vi } from "vitest";
import { calendarEntries, resources, tasks, teamMembers, teams, users } from "@/db/schema";
import {
  answerEntryAction,
  cancelEntryAction,
  createEntryAction,
  grantCalendarAccessAction,
  revokeCalendarAccessAction,
  updateEntryAction,
} from "@/lib/calendar/actions";
import { actAs } from "@/lib/testing/acting";
import { readCalendarUnder } from "@/lib/testing/ical-readers";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { entriesFingerprint, feedEntryKeys } from "./entries";
import { FragmentCache } from "./fragment-cache";
import { feedByTokenHash, feedPeopleSql, feedWindow } from "./scope";
import { feedTokenHash } from "./token";
import { FETCH_AT, feedText, feedToken, fetchFeed, parsedEvents, rawEvents } from "./feed-fixtures";

const SECRET = `Rozmowa o podwyżce ${randomUUID().slice(0, 8)}`;

/**
 * A director (Warsaw) with a private meeting on the spring DST day (an attendee, a room, a
 * reminder), a normal one on the autumn DST day and an all-day holiday; a confidant who may see
 * private entries, a colleague who may not, in the director's team and department.
 */
async function office() {
  const db = await testDb();
  const department = await makeDepartment(db);
  const zone = { timeZone: "Europe/Warsaw", departmentId: department.id };
  const director = await makeUser(db, zone);
  const confidant = await makeUser(db, zone);
  const colleague = await makeUser(db, { ...zone, locale: "en" });
  const attendee = await makeUser(db, zone);
  const [team] = await db
    .insert(teams)
    .values({ name: `Zarząd ${randomUUID().slice(0, 6)}`, departmentId: department.id })
    .returning();
  await db.insert(teamMembers).values([{ teamId: team!.id, userId: director.id }]);
  const [room] = await db
    .insert(resources)
    .values({ name: `Sala ${randomUUID().slice(0, 6)}`, kind: "room" })
    .returning();

  actAs(director.viewer);
  expect(await grantCalendarAccessAction({ granteeId: confidant.id, canSeePrivate: true })).toMatchObject({ ok: true });
  const secret = await createEntryAction({
    time: { allDay: false, start: "2027-03-28T09:00", end: "2027-03-28T10:00" },
    title: SECRET,
    location: `Gabinet ${SECRET}`,
    description: `Notatki ${SECRET}`,
    visibility: "private",
    attendeeIds: [attendee.id],
    resourceIds: [room!.id],
    reminders: [{ type: "before", offsetMinutes: 15 }],
  });
  const normal = await createEntryAction({
    time: { allDay: false, start: "2027-10-31T09:00", end: "2027-10-31T10:00" },
    title: "Odprawa, serwis; kuchnie \\ piece",
    description: "Pierwsza linia\nDruga linia",
    location: "Warszawa, ul. Długa 1",
  });
  const holiday = await createEntryAction({ time: { allDay: true, startDate: "2027-05-03", endDate: "2027-05-03" }, title: "Święto Konstytucji" });
  if (!secret.ok || !normal.ok || !holiday.ok) throw new Error("setup failed");
  return {
    db,
    department,
    team: team!,
    room: room!,
    director,
    confidant,
    colleague,
    attendee,
    secretId: secret.data.id,
    normalId: normal.data.id,
    holidayId: holiday.data.id,
  };
}

const uid = (id: string) => `${id}@baton`;

function expectBusyOnly(block: string | undefined) {
  expect(block).toBeDefined();
  expect(block).toMatch(/^SUMMARY:(Busy|Zajęty)$/m);
  expect(block).toMatch(/^CLASS:PRIVATE$/m);
  expect(block).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20270328T090000$/m);
  expect(block).not.toMatch(/^(LOCATION|DESCRIPTION|URL|ATTENDEE|ORGANIZER|BEGIN:VALARM)/m);
}

describe("feed content and privacy", () => {
  it("the owner's own feed shows everything, with VTIMEZONE, UID, SEQUENCE, DTSTAMP in UTC, attendees, status, class, and VALARM from the entry's reminders", async () => {
    const o = await office();
    const text = await feedText(o.db, await feedToken(o.db, o.director.viewer, { kind: "own" }));
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw");
    expect(text).toMatch(/^REFRESH-INTERVAL;VALUE=DURATION:PT1H\r$/m);
    expect(text).toMatch(/^X-PUBLISHED-TTL:PT1H\r$/m);
    const events = rawEvents(text);
    const secret = events.get(uid(o.secretId))!;
    expect(secret).toContain(`SUMMARY:${SECRET}`);
    expect(secret).toMatch(/^CLASS:PRIVATE$/m);
    expect(secret).toMatch(/^STATUS:CONFIRMED$/m);
    expect(secret).toMatch(/^SEQUENCE:0$/m);
    expect(secret).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/m);
    expect(secret).toMatch(/^ORGANIZER;CN="?Test User/m);
    expect(secret).toMatch(/^ATTENDEE;.*PARTSTAT=NEEDS-ACTION/m);
    expect(secret).toMatch(/^BEGIN:VALARM$/m);
    expect(secret).toMatch(/^TRIGGER:-PT15M$/m);
    expect(secret).toContain(`URL;VALUE=URI:https://baton.example.com/calendar/entries/${o.secretId}`);
    const holiday = events.get(uid(o.holidayId))!;
    expect(holiday).toMatch(/^DTSTART;VALUE=DATE:20270503$/m);
    expect(holiday).toMatch(/^DTEND;VALUE=DATE:20270504$/m);
  });

  it("puts the owner's tasks due in the window into their own feed only when asked, marked as tasks", async () => {
    const o = await office();
    const [task] = await o.db
      .insert(tasks)
      .values({ title: "Wysłać ofertę", assigneeId: o.director.id, createdById: o.director.id, dueAt: new Date("2027-02-10T15:00:00Z") })
      .returning();
    await o.db
      .insert(tasks)
      .values({ title: "Anulowane", assigneeId: o.director.id, createdById: o.director.id, dueAt: new Date("2027-02-11T15:00:00Z"), status: "cancelled" });
    const withTasks = await feedText(o.db, await feedToken(o.db, o.director.viewer, { kind: "own", includeTasks: true }));
    const block = rawEvents(withTasks).get(`task-${task!.id}@baton`)!;
    expect(block).toMatch(/^X-BATON-KIND:task$/m);
    expect(block).toMatch(/^CATEGORIES:Zadanie$/m);
    expect(block).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20270210T160000$/m);
    // Exchange drops a VEVENT with neither DTEND nor DURATION: a task is a short block from its due moment.
    expect(block).toMatch(/^DTEND;TZID=Europe\/Warsaw:20270210T161500$/m);
    expect(block).toMatch(/^TRANSP:TRANSPARENT$/m);
    expect(block).toMatch(/^SUMMARY:Zadanie #\d+: Wysłać ofertę$/m);
    const [parsed] = parsedEvents(withTasks).filter((e) => e.uid === `task-${task!.id}@baton`);
    expect(parsed!.startDate.toJSDate().toISOString()).toBe("2027-02-10T15:00:00.000Z");
    expect(parsed!.endDate.toJSDate().toISOString()).toBe("2027-02-10T15:15:00.000Z");
    expect(block).toContain(`URL;VALUE=URI:https://baton.example.com/tasks/${task!.id}`);
    expect(withTasks).not.toContain("Anulowane");
    const without = await feedText(o.db, await feedToken(o.db, o.director.viewer, { kind: "own" }));
    expect(without).not.toContain("Wysłać ofertę");
  });

  it("gives the right instants through ical.js, on both Warsaw DST days and for an all-day entry, whatever the process zone", async () => {
    const o = await office();
    const events = parsedEvents(await feedText(o.db, await feedToken(o.db, o.director.viewer, { kind: "own" })));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get(uid(o.secretId))!.startDate.toJSDate().toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(byUid.get(uid(o.secretId))!.endDate.toJSDate().toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(byUid.get(uid(o.normalId))!.startDate.toJSDate().toISOString()).toBe("2027-10-31T08:00:00.000Z");
    const holiday = byUid.get(uid(o.holidayId))!;
    expect(holiday.startDate.isDate).toBe(true);
    expect(holiday.startDate.toString()).toBe("2027-05-03");
    expect(byUid.get(uid(o.normalId))!.summary).toBe("Odprawa, serwis; kuchnie \\ piece");
    expect(byUid.get(uid(o.normalId))!.description).toContain("Pierwsza linia\nDruga linia");
    expect(byUid.get(uid(o.normalId))!.location).toBe("Warszawa, ul. Długa 1");
  });

  it("reads the same through ical.js and node-ical in processes under TZ=UTC and TZ=America/New_York", async () => {
    const o = await office();
    const text = await feedText(o.db, await feedToken(o.db, o.director.viewer, { kind: "own" }));
    const readings = ["UTC", "America/New_York"].map((zone) => readCalendarUnder(zone, text));
    expect(readings.map((r) => r.processZone)).toEqual(["UTC", "America/New_York"]);
    for (const r of readings) {
      expect(r.nodeIcal).toEqual(r.icaljs);
      const byUid = new Map(r.icaljs.map((e) => [e.uid, e]));
      expect(byUid.get(uid(o.secretId))).toEqual({ uid: uid(o.secretId), start: "2027-03-28T07:00:00.000Z", end: "2027-03-28T08:00:00.000Z" });
      expect(byUid.get(uid(o.normalId))!.start).toBe("2027-10-31T08:00:00.000Z");
      expect(byUid.get(uid(o.holidayId))).toEqual({ uid: uid(o.holidayId), start: "2027-05-03", end: "2027-05-04" });
    }
    expect(readings[1]).toEqual({ ...readings[0], processZone: "America/New_York" });
  });

  it("a colleague's feed of the director shows the private entry as Busy with its time only, and no VALARM anywhere", async () => {
    const o = await office();
    const text = await feedText(o.db, await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id }));
    expect(text).not.toContain(SECRET.slice(-8));
    expect(text).not.toContain("BEGIN:VALARM");
    const events = rawEvents(text);
    expectBusyOnly(events.get(uid(o.secretId)));
    expect(events.get(uid(o.normalId))).toContain("SUMMARY:Odprawa\\, serwis\\; kuchnie \\\\ piece");
  });

  it("follows the creator's grant at each fetch: the confidant sees details until the grant is withdrawn", async () => {
    const o = await office();
    const token = await feedToken(o.db, o.confidant.viewer, { kind: "person", targetId: o.director.id });
    const first = await fetchFeed(o.db, token);
    expect(first.body).toContain(`SUMMARY:${SECRET}`);
    expect(first.body).not.toContain("BEGIN:VALARM");
    actAs(o.director.viewer);
    expect(await revokeCalendarAccessAction({ granteeId: o.confidant.id })).toMatchObject({ ok: true });
    const after = await fetchFeed(o.db, token, { ifNoneMatch: first.headers.ETag });
    expect(after.status).toBe(200);
    expect(after.body).not.toContain(SECRET.slice(-8));
    expectBusyOnly(rawEvents(after.body!).get(uid(o.secretId)));
  });

  it("team and department feeds mask private entries for a colleague", async () => {
    const o = await office();
    for (const input of [
      { kind: "team" as const, targetId: o.team.id },
      { kind: "department" as const, targetId: o.department.id },
    ]) {
      const text = await feedText(o.db, await feedToken(o.db, o.colleague.viewer, input));
      expect(text, input.kind).not.toContain(SECRET.slice(-8));
      expectBusyOnly(rawEvents(text).get(uid(o.secretId)));
      // One VEVENT per entry even when several people shown have it.
      expect(text.split(`UID:${uid(o.secretId)}\r\n`).length, input.kind).toBe(2);
    }
  });

  it("a resource feed lists its bookings, Busy for a private meeting's booking", async () => {
    const o = await office();
    const text = await feedText(o.db, await feedToken(o.db, o.colleague.viewer, { kind: "resource", targetId: o.room.id }));
    expect(text).not.toContain(SECRET.slice(-8));
    const [booking] = [...rawEvents(text).values()];
    expect(booking).toMatch(/^SUMMARY:Busy$/m);
    expect(booking).toMatch(/^CLASS:PRIVATE$/m);
    expect(booking).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20270328T090000$/m);
    const own = await feedText(o.db, await feedToken(o.db, o.director.viewer, { kind: "resource", targetId: o.room.id }));
    expect(own).toContain(`SUMMARY:${SECRET}`);
    expect(own).toMatch(/^DESCRIPTION:Rezerwuje: Test User/m);
  });

  it("leaves declined entries out of the decliner's feed, and empties a feed of a deactivated colleague", async () => {
    const o = await office();
    const mine = await feedToken(o.db, o.attendee.viewer, { kind: "own" });
    expect(rawEvents(await feedText(o.db, mine)).has(uid(o.secretId))).toBe(true);
    actAs(o.attendee.viewer);
    expect(await answerEntryAction({ entryId: o.secretId, response: "declined" })).toMatchObject({ ok: true });
    expect(rawEvents(await feedText(o.db, mine)).has(uid(o.secretId))).toBe(false);

    const theirs = await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id });
    expect(rawEvents(await feedText(o.db, theirs)).size).toBe(3);
    await o.db.update(users).set({ active: false }).where(eq(users.id, o.director.id));
    expect(rawEvents(await feedText(o.db, theirs)).size).toBe(0);
  });

  it("sends a cancelled entry as STATUS:CANCELLED with the same UID and a higher SEQUENCE, Busy still when masked, and keeps a declined one out", async () => {
    const o = await office();
    const own = await feedToken(o.db, o.director.viewer, { kind: "own" });
    const colleague = await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id });
    const attendeeOwn = await feedToken(o.db, o.attendee.viewer, { kind: "own" });
    const seq = (block: string) => Number(/^SEQUENCE:(\d+)$/m.exec(block)![1]);
    const before = rawEvents(await feedText(o.db, own));
    actAs(o.attendee.viewer);
    expect(await answerEntryAction({ entryId: o.secretId, response: "declined" })).toMatchObject({ ok: true });
    actAs(o.director.viewer);
    expect(await cancelEntryAction({ id: o.normalId })).toMatchObject({ ok: true });
    expect(await cancelEntryAction({ id: o.secretId })).toMatchObject({ ok: true });

    const text = await feedText(o.db, own);
    const after = rawEvents(text);
    for (const id of [o.normalId, o.secretId]) {
      expect(after.get(uid(id)), id).toMatch(/^STATUS:CANCELLED$/m);
      expect(seq(after.get(uid(id))!)).toBeGreaterThan(seq(before.get(uid(id))!));
      expect(after.get(uid(id))).not.toMatch(/^BEGIN:VALARM$/m);
    }
    expect(after.get(uid(o.secretId))).toContain(`SUMMARY:${SECRET}`);
    expect(after.get(uid(o.holidayId))).toMatch(/^STATUS:CONFIRMED$/m);
    const byIcaljs = new Map(parsedEvents(text).map((e) => [e.uid, e.component.getFirstPropertyValue("status")]));
    expect(byIcaljs.get(uid(o.normalId))).toBe("CANCELLED");
    expect(byIcaljs.get(uid(o.holidayId))).toBe("CONFIRMED");
    const byNodeIcal = new Map(
      Object.values(ical.sync.parseICS(text))
        .filter((c) => c?.type === "VEVENT")
        .map((c) => [(c as ical.VEvent).uid, (c as ical.VEvent).status]),
    );
    expect(byNodeIcal.get(uid(o.secretId))).toBe("CANCELLED");
    expect(byNodeIcal.get(uid(o.holidayId))).toBe("CONFIRMED");

    const masked = rawEvents(await feedText(o.db, colleague)).get(uid(o.secretId));
    expectBusyOnly(masked);
    expect(masked).toMatch(/^STATUS:CANCELLED$/m);
    expect(masked).not.toContain(SECRET.slice(-8));
    // The attendee declined before it was cancelled: it stays out of their feed.
    expect(rawEvents(await feedText(o.db, attendeeOwn)).has(uid(o.secretId))).toBe(false);
  });

  it("a changed entry keeps its UID with a higher SEQUENCE and a newer DTSTAMP", async () => {
    const o = await office();
    const token = await feedToken(o.db, o.director.viewer, { kind: "own" });
    await o.db
      .update(calendarEntries)
      .set({ updatedAt: new Date("2026-01-01T00:00:00Z") })
      .where(eq(calendarEntries.id, o.normalId));
    const before = rawEvents(await feedText(o.db, token)).get(uid(o.normalId))!;
    actAs(o.director.viewer);
    const updated = await updateEntryAction({
      id: o.normalId,
      time: { allDay: false, start: "2027-10-31T11:00", end: "2027-10-31T12:00" },
      title: "Odprawa przeniesiona",
    });
    expect(updated).toMatchObject({ ok: true });
    const after = rawEvents(await feedText(o.db, token)).get(uid(o.normalId))!;
    const seq = (block: string) => Number(/^SEQUENCE:(\d+)$/m.exec(block)![1]);
    const stamp = (block: string) => /^DTSTAMP:(.*)$/m.exec(block)![1]!;
    expect(seq(after)).toBeGreaterThan(seq(before));
    expect(stamp(before)).toBe("20260101T000000Z");
    expect(stamp(after) > stamp(before)).toBe(true);
    expect(after).toMatch(/^DTSTART;TZID=Europe\/Warsaw:20271031T110000$/m);
  });

  it("answers 304 on a matching ETag or an unchanged Last-Modified, and 200 once something changed", async () => {
    const o = await office();
    const token = await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id });
    const first = await fetchFeed(o.db, token);
    expect(first.status).toBe(200);
    expect(first.headers["Content-Type"]).toBe("text/calendar; charset=utf-8");
    expect(first.headers["Content-Disposition"]).toMatch(/filename=/);
    const etag = first.headers.ETag!;
    const lastModified = first.headers["Last-Modified"]!;
    expect(await fetchFeed(o.db, token, { ifNoneMatch: etag })).toMatchObject({ status: 304, body: null });
    expect(await fetchFeed(o.db, token, { ifNoneMatch: `"other", W/${etag}` })).toMatchObject({ status: 304 });
    expect(await fetchFeed(o.db, token, { ifModifiedSince: lastModified })).toMatchObject({ status: 304 });
    expect(await fetchFeed(o.db, token, { ifNoneMatch: '"other"', ifModifiedSince: lastModified })).toMatchObject({ status: 200 });

    actAs(o.director.viewer);
    await createEntryAction({ time: { allDay: false, start: "2027-02-01T09:00", end: "2027-02-01T10:00" }, title: "Nowe spotkanie" });
    const later = new Date(FETCH_AT.getTime() + 5_000);
    const changed = await fetchFeed(o.db, token, { ifNoneMatch: etag }, later);
    expect(changed.status).toBe(200);
    expect(changed.headers.ETag).not.toBe(etag);
    expect(changed.body).toContain("Nowe spotkanie");
    expect((await fetchFeed(o.db, token, { ifModifiedSince: lastModified }, later)).status).toBe(200);
  });

  it("gives the same entries' fingerprint from the 304 path's aggregate and from the full fetch's one statement", async () => {
    const o = await office();
    actAs(o.director.viewer);
    const gone = await createEntryAction({ time: { allDay: false, start: "2027-02-02T09:00", end: "2027-02-02T10:00" }, title: "Odwołane" });
    if (!gone.ok) throw new Error("setup failed");
    expect(await cancelEntryAction({ id: gone.data.id })).toMatchObject({ ok: true });
    const feeds = [
      await feedToken(o.db, o.director.viewer, { kind: "own" }),
      await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id }),
      await feedToken(o.db, o.confidant.viewer, { kind: "person", targetId: o.director.id }),
      await feedToken(o.db, o.colleague.viewer, { kind: "department", targetId: o.department.id }),
    ];
    for (const token of feeds) {
      const feed = (await feedByTokenHash(o.db, feedTokenHash(token)))!;
      const window = feedWindow(feed, FETCH_AT);
      const people = feedPeopleSql(feed)!;
      const aggregate = await entriesFingerprint(o.db, feed.creator, people, window);
      const read = await feedEntryKeys(o.db, feed.creator, people, window, true);
      expect(read.keys.length).toBeGreaterThan(2);
      expect(read.fingerprint).toEqual(aggregate);
      // The first fetch (no validator) takes the one statement; asking again with its ETag takes the aggregate.
      const first = await fetchFeed(o.db, token);
      expect((await fetchFeed(o.db, token, { ifNoneMatch: first.headers.ETag })).status).toBe(304);
    }
  });

  it("moves the ETag and Last-Modified when a person or resource named in the feed is renamed", async () => {
    const o = await office();
    const later = (s: number) => new Date(FETCH_AT.getTime() + s * 1000);
    const checks = [
      { token: await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id }), renamed: "organizer" },
      { token: await feedToken(o.db, o.director.viewer, { kind: "own" }), renamed: "attendee" },
      { token: await feedToken(o.db, o.director.viewer, { kind: "resource", targetId: o.room.id }), renamed: "resource" },
      { token: await feedToken(o.db, o.director.viewer, { kind: "resource", targetId: o.room.id }), renamed: "booker" },
    ] as const;
    let step = 1;
    for (const check of checks) {
      const first = await fetchFeed(o.db, check.token, {}, later(step++));
      expect(first.status).toBe(200);
      const name = `Nowa nazwa ${check.renamed} ${randomUUID().slice(0, 6)}`;
      const at = later(step++);
      if (check.renamed === "resource") await o.db.update(resources).set({ name, updatedAt: at }).where(eq(resources.id, o.room.id));
      else {
        const id = check.renamed === "attendee" ? o.attendee.id : o.director.id;
        await o.db.update(users).set({ name, updatedAt: at }).where(eq(users.id, id));
      }
      const again = await fetchFeed(o.db, check.token, { ifNoneMatch: first.headers.ETag }, later(step++));
      expect(again.status, check.renamed).toBe(200);
      expect(again.headers.ETag).not.toBe(first.headers.ETag);
      expect(again.body!.replace(/\r\n[ \t]/g, "")).toContain(name);
      const byDate = await fetchFeed(o.db, check.token, { ifModifiedSince: first.headers["Last-Modified"] }, later(step++));
      expect(byDate.status, check.renamed).toBe(200);
    }
  });

  it("never gives one viewer an event text cached for another: the owner's, a confidant's and a colleague's feeds share one cache", async () => {
    const o = await office();
    const fragments = new FragmentCache(8 * 1024 * 1024);
    const fetchWith = (token: string) => fetchFeed(o.db, token, {}, FETCH_AT, { fragments });
    const own = await feedToken(o.db, o.director.viewer, { kind: "own" });
    const confidant = await feedToken(o.db, o.confidant.viewer, { kind: "person", targetId: o.director.id });
    const colleague = await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id });
    const team = await feedToken(o.db, o.colleague.viewer, { kind: "team", targetId: o.team.id });
    for (const order of [
      [own, confidant, colleague, team],
      [colleague, team, confidant, own],
    ]) {
      fragments.clear();
      const texts = new Map<string, string>();
      for (const token of order) texts.set(token, (await fetchWith(token)).body!);
      for (const token of [colleague, team]) {
        expect(texts.get(token)).not.toContain(SECRET.slice(-8));
        expectBusyOnly(rawEvents(texts.get(token)!).get(uid(o.secretId)));
      }
      expect(rawEvents(texts.get(own)!).get(uid(o.secretId))).toMatch(/^BEGIN:VALARM$/m);
      const confided = rawEvents(texts.get(confidant)!).get(uid(o.secretId))!;
      expect(confided).toContain(`SUMMARY:${SECRET}`);
      expect(confided).not.toMatch(/^BEGIN:VALARM$/m);
    }
    expect(fragments.size).toBeGreaterThan(0);
    // The same text again from the cache, and a grant withdrawn masks it at the next fetch.
    const cached = (await fetchWith(confidant)).body;
    expect(cached).toContain(`SUMMARY:${SECRET}`);
    actAs(o.director.viewer);
    expect(await revokeCalendarAccessAction({ granteeId: o.confidant.id })).toMatchObject({ ok: true });
    const after = (await fetchWith(confidant)).body!;
    expect(after).not.toContain(SECRET.slice(-8));
    expectBusyOnly(rawEvents(after).get(uid(o.secretId)));
  });

  it("writes only the changed entry again: the rest of the feed comes from the cache, and the text equals an uncached one", async () => {
    const o = await office();
    const fragments = new FragmentCache(8 * 1024 * 1024);
    const token = await feedToken(o.db, o.director.viewer, { kind: "own" });
    await fetchFeed(o.db, token, {}, FETCH_AT, { fragments });
    const keys = fragments.size;
    expect(keys).toBe(3);
    actAs(o.director.viewer);
    expect(
      await updateEntryAction({ id: o.normalId, time: { allDay: false, start: "2027-10-31T11:00", end: "2027-10-31T12:00" }, title: "Przeniesiona" }),
    ).toMatchObject({ ok: true });
    const warm = (await fetchFeed(o.db, token, {}, FETCH_AT, { fragments })).body!;
    // One new text: the changed entry's; the other two were found.
    expect(fragments.size).toBe(keys + 1);
    expect(warm).toContain("SUMMARY:Przeniesiona");
    const cold = (await fetchFeed(o.db, token, {}, FETCH_AT, { fragments: new FragmentCache(8 * 1024 * 1024) })).body!;
    expect(warm).toBe(cold);
  });

  it("escapes a hostile title and folds lines at 75 octets without splitting a character, every line ending in CRLF", async () => {
    const o = await office();
    const hostile = "Zebranie\r\nBEGIN:VALARM\r\nTRIGGER:-PT1M\r\nEND:VALARM";
    const polish = "Święto Konstytucji 3 Maja – uroczyste zebranie zarządu spółki Polmet Serwis w Łodzi, źródła, żółć";
    await o.db
      .update(calendarEntries)
      .set({ title: hostile, description: polish.repeat(3) })
      .where(eq(calendarEntries.id, o.normalId));
    await o.db.update(calendarEntries).set({ title: polish }).where(eq(calendarEntries.id, o.holidayId));
    const text = await feedText(o.db, await feedToken(o.db, o.colleague.viewer, { kind: "person", targetId: o.director.id }));
    expect(text).not.toMatch(/^BEGIN:VALARM/m);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const bytes = Buffer.from(text, "utf8");
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(start, i);
        expect(line.length).toBeLessThanOrEqual(75);
        expect(() => decoder.decode(line)).not.toThrow();
        start = i + 2;
      }
    }
    const events = new Map(parsedEvents(text).map((e) => [e.uid, e]));
    expect(events.get(uid(o.normalId))!.summary).toBe(hostile.replace(/\r\n/g, "\n"));
    expect(events.get(uid(o.normalId))!.component.getAllSubcomponents("valarm")).toHaveLength(0);
    expect(events.get(uid(o.holidayId))!.summary).toBe(polish);
  });

  it("never logs the token and records the last fetch and the client", async () => {
    const o = await office();
    const token = await feedToken(o.db, o.director.viewer, { kind: "own" });
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => vi.spyOn(console, m));
    try {
      await fetchFeed(o.db, token, { userAgent: "Microsoft Office/16.0" });
      await fetchFeed(o.db, `${token}x`);
      for (const spy of spies) for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain(token);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const { calendarFeeds } = await import("@/db/schema");
    const [row] = await o.db.select().from(calendarFeeds).where(eq(calendarFeeds.ownerId, o.director.id));
    expect(row).toMatchObject({ lastUserAgent: "Microsoft Office/16.0", lastFetchedAt: FETCH_AT });
  });
});
