import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as windowGET } from "@/app/api/calendar/window/route";
import { calendarEntries, calendarEntryActivity, calendarEntryAttendees, calendarGrants } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeClient, makeUser } from "@/lib/testing/factories";
import type { Viewer } from "@/lib/auth/viewer";
import {
  answerEntryAction,
  cancelEntryAction,
  createEntryAction,
  grantCalendarAccessAction,
  moveEntryAction,
  revokeCalendarAccessAction,
  updateEntryAction,
} from "./actions";
import { allGrants, grantsOf } from "./grants";
import { entriesAbout, entryForViewer } from "./queries";
import type { CalendarWindow } from "./types";

const SECRET = `Rozmowa o podwyżce ${randomUUID().slice(0, 8)}`;
const WEEK = { from: "2027-03-01T00:00:00+01:00", to: "2027-03-08T00:00:00+01:00" };

async function entryRow(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, id));
  return row!;
}

async function askWindow(viewer: Viewer | null, people: string[], range = WEEK): Promise<{ status: number; raw: string; body: CalendarWindow | null }> {
  actAs(viewer);
  const qs = new URLSearchParams({ from: range.from, to: range.to, people: people.join(",") });
  const response = await windowGET(new Request(`http://localhost/api/calendar/window?${qs}`));
  const raw = await response.text();
  return { status: response.status, raw, body: response.status === 200 ? (JSON.parse(raw) as CalendarWindow) : null };
}

/** A director with a private entry and a normal one, an assistant who edits, a confidant who sees private, an attendee, a stranger and an admin. */
async function directorsOffice() {
  const db = await testDb();
  const zone = { timeZone: "Europe/Warsaw" };
  const director = await makeUser(db, zone);
  const assistant = await makeUser(db, zone);
  const confidant = await makeUser(db, zone);
  const attendee = await makeUser(db, zone);
  const stranger = await makeUser(db, zone);
  const admin = await makeUser(db, { ...zone, role: "admin" });
  const client = await makeClient(db, { name: `Klient ${SECRET}` });

  actAs(director.viewer);
  expect(await grantCalendarAccessAction({ granteeId: assistant.id, canEdit: true })).toMatchObject({ ok: true });
  expect(await grantCalendarAccessAction({ granteeId: confidant.id, canSeePrivate: true })).toMatchObject({ ok: true });
  const privateEntry = await createEntryAction({
    time: { allDay: false, start: "2027-03-02T10:00", end: "2027-03-02T11:00" },
    title: SECRET,
    location: `Gabinet ${SECRET}`,
    description: `Notatki ${SECRET}`,
    visibility: "private",
    clientId: client.id,
    attendeeIds: [attendee.id],
  });
  const normalEntry = await createEntryAction({ time: { allDay: false, start: "2027-03-03T09:00", end: "2027-03-03T09:30" }, title: "Odprawa zespołu" });
  if (!privateEntry.ok || !normalEntry.ok) throw new Error("setup failed");
  return { director, assistant, confidant, attendee, stranger, admin, client, privateId: privateEntry.data.id, normalId: normalEntry.data.id };
}

describe("calendar privacy", () => {
  it("shows a private entry's details to its owner, its attendees and those allowed to see private entries, and only 'Busy' to everyone else", async () => {
    const db = await testDb();
    const o = await directorsOffice();
    const seeing = { owner: o.director, confidant: o.confidant, attendee: o.attendee };
    const blind = { assistant: o.assistant, stranger: o.stranger, admin: o.admin };

    for (const [who, person] of Object.entries(seeing)) {
      const { status, body, raw } = await askWindow(person.viewer, [o.director.id]);
      expect(status, who).toBe(200);
      const entry = body!.entries.find((e) => e.id === o.privateId);
      expect(entry, who).toMatchObject({ masked: false, title: SECRET, visibility: "private" });
      expect(raw).toContain(SECRET);
      expect((await entryForViewer(db, person.viewer, o.privateId)).title, who).toBe(SECRET);
    }
    for (const [who, person] of Object.entries(blind)) {
      const { status, body, raw } = await askWindow(person.viewer, [o.director.id, o.attendee.id]);
      expect(status, who).toBe(200);
      // Busy in the director's lane and in the attendee's, with its time, and nothing else.
      const rows = body!.entries.filter((e) => e.id === o.privateId);
      expect(rows.map((r) => r.personId).sort(), who).toEqual([o.director.id, o.attendee.id].sort());
      for (const row of rows)
        expect(row, who).toMatchObject({ masked: true, title: null, location: null, canEdit: false, start: new Date("2027-03-02T09:00:00Z").toISOString() });
      expect(raw, who).not.toContain("podwyżce");
      expect(raw, who).not.toContain("Gabinet");
      const detail = await entryForViewer(db, person.viewer, o.privateId);
      expect(detail, who).toMatchObject({ masked: true, title: null, description: null, location: null, client: null, attendees: [], history: [] });
      expect(JSON.stringify(detail), who).not.toContain("podwyżce");
      // The normal entry is open to all.
      expect(
        body!.entries.find((e) => e.id === o.normalId),
        who,
      ).toMatchObject({ masked: false, title: "Odprawa zespołu" });
    }
  });

  it("refuses every change of a private entry to a stranger with the answer an unknown id gets, and writes nothing", async () => {
    const o = await directorsOffice();
    const before = await entryRow(o.privateId);
    actAs(o.stranger.viewer);
    const unknown = await moveEntryAction({ id: randomUUID(), time: { allDay: false, start: "2027-03-02T12:00", end: "2027-03-02T13:00" } });
    const guessed = await moveEntryAction({ id: o.privateId, time: { allDay: false, start: "2027-03-02T12:00", end: "2027-03-02T13:00" } });
    expect(guessed).toEqual(unknown);
    expect(JSON.stringify(guessed)).not.toContain("podwyżce");
    expect(await cancelEntryAction({ id: o.privateId })).toMatchObject({ ok: false, code: "not_found" });
    expect(await answerEntryAction({ entryId: o.privateId, response: "accepted" })).toMatchObject({ ok: false, code: "not_found" });
    // An editor without "see private" may not change a private entry either.
    actAs(o.assistant.viewer);
    expect(await moveEntryAction({ id: o.privateId, time: { allDay: false, start: "2027-03-02T12:00", end: "2027-03-02T13:00" } })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await entryRow(o.privateId)).toEqual(before);
  });
});

describe("entries on client and case pages", () => {
  it("lists a client's entries, leaving out private ones the viewer may not see (not even as Busy)", async () => {
    const db = await testDb();
    const o = await directorsOffice();
    actAs(o.director.viewer);
    const visit = await createEntryAction({
      time: { allDay: false, start: "2027-03-05T09:00", end: "2027-03-05T10:00" },
      title: "Wizyta u klienta",
      clientId: o.client.id,
    });
    expect(visit.ok).toBe(true);
    const at = new Date("2027-03-01T00:00:00Z");
    const ofDirector = await entriesAbout(db, o.director.viewer, { clientId: o.client.id }, at);
    expect(ofDirector.upcoming.map((e) => e.title)).toEqual([SECRET, "Wizyta u klienta"]);
    for (const viewer of [o.stranger.viewer, o.assistant.viewer, o.admin.viewer]) {
      const seen = await entriesAbout(db, viewer, { clientId: o.client.id }, at);
      expect(seen.upcoming.map((e) => e.title)).toEqual(["Wizyta u klienta"]);
      expect(JSON.stringify(seen)).not.toContain("podwyżce");
    }
    const later = await entriesAbout(db, o.attendee.viewer, { clientId: o.client.id }, new Date("2027-04-01T00:00:00Z"));
    expect(later).toMatchObject({ upcoming: [], past: [{ title: "Wizyta u klienta" }, { title: SECRET }] });
  });
});

describe("calendar editing", () => {
  it("lets an assistant with 'may edit' create and move entries in the owner's calendar, and refuses a colleague without it", async () => {
    const o = await directorsOffice();
    actAs(o.assistant.viewer);
    const made = await createEntryAction({
      ownerId: o.director.id,
      time: { allDay: false, start: "2027-03-04T14:00", end: "2027-03-04T15:00" },
      title: "Spotkanie z zarządem",
    });
    expect(made).toMatchObject({ ok: true, data: { ownerId: o.director.id } });
    const id = made.ok ? made.data.id : "";
    expect(await moveEntryAction({ id: o.normalId, time: { allDay: false, start: "2027-03-03T10:00", end: "2027-03-03T10:30" } })).toMatchObject({ ok: true });
    expect((await entryRow(o.normalId)).startsAt).toEqual(new Date("2027-03-03T09:00:00Z"));

    actAs(o.stranger.viewer);
    expect(
      await createEntryAction({ ownerId: o.director.id, time: { allDay: false, start: "2027-03-04T16:00", end: "2027-03-04T17:00" }, title: "Wciśnięte" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    const before = await entryRow(id);
    expect(await moveEntryAction({ id, time: { allDay: false, start: "2027-03-05T14:00", end: "2027-03-05T15:00" } })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await updateEntryAction({ id, time: { allDay: false, start: "2027-03-04T14:00", end: "2027-03-04T15:00" }, title: "Przejęte" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await cancelEntryAction({ id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await entryRow(id)).toEqual(before);

    // Revoked: the next request is refused.
    actAs(o.director.viewer);
    expect(await revokeCalendarAccessAction({ granteeId: o.assistant.id })).toMatchObject({ ok: true });
    actAs(o.assistant.viewer);
    expect(await moveEntryAction({ id, time: { allDay: false, start: "2027-03-05T14:00", end: "2027-03-05T15:00" } })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await entryRow(id)).toEqual(before);
  });

  it("lists grants to the owner and the grantee, and all of them to admins only", async () => {
    const db = await testDb();
    const o = await directorsOffice();
    const mine = await grantsOf(db, o.director.viewer);
    expect(mine.given.map((g) => [g.granteeId, g.canEdit, g.canSeePrivate]).sort()).toEqual(
      [
        [o.assistant.id, true, false],
        [o.confidant.id, false, true],
      ].sort(),
    );
    expect((await grantsOf(db, o.assistant.viewer)).received.map((g) => g.ownerId)).toEqual([o.director.id]);
    expect((await grantsOf(db, o.stranger.viewer)).received).toEqual([]);
    await expect(allGrants(db, o.stranger.viewer)).rejects.toThrow();
    expect((await allGrants(db, o.admin.viewer)).filter((g) => g.ownerId === o.director.id)).toHaveLength(2);
    // Only the owner takes a grant back.
    actAs(o.stranger.viewer);
    expect(await revokeCalendarAccessAction({ granteeId: o.assistant.id })).toMatchObject({ ok: false, code: "not_found" });
    expect((await grantsOf(db, o.director.viewer)).given).toHaveLength(2);
  });

  it("takes a grant back at once for private details too", async () => {
    const o = await directorsOffice();
    expect((await askWindow(o.confidant.viewer, [o.director.id])).raw).toContain(SECRET);
    actAs(o.director.viewer);
    expect(await revokeCalendarAccessAction({ granteeId: o.confidant.id })).toMatchObject({ ok: true });
    expect((await askWindow(o.confidant.viewer, [o.director.id])).raw).not.toContain("podwyżce");
  });

  it("raises the sequence and asks attendees again when the time moves, and records who changed what", async () => {
    const db = await testDb();
    const o = await directorsOffice();
    actAs(o.attendee.viewer);
    expect(await answerEntryAction({ entryId: o.privateId, response: "accepted" })).toMatchObject({ ok: true });
    const [answered] = await db.select().from(calendarEntryAttendees).where(eq(calendarEntryAttendees.entryId, o.privateId));
    expect(answered).toMatchObject({ response: "accepted" });

    actAs(o.director.viewer);
    const before = await entryRow(o.privateId);
    expect(await moveEntryAction({ id: o.privateId, time: { allDay: false, start: "2027-03-02T13:00", end: "2027-03-02T14:00" } })).toMatchObject({ ok: true });
    const after = await entryRow(o.privateId);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.startsAt).toEqual(new Date("2027-03-02T12:00:00Z"));
    const [reset] = await db.select().from(calendarEntryAttendees).where(eq(calendarEntryAttendees.entryId, o.privateId));
    expect(reset).toMatchObject({ response: "needs_action", respondedAt: null });
    const history = await db.select().from(calendarEntryActivity).where(eq(calendarEntryActivity.entryId, o.privateId)).orderBy(calendarEntryActivity.id);
    expect(history.map((h) => [h.kind, h.field, h.actorId])).toEqual([
      ["created", null, o.director.id],
      ["answered", null, o.attendee.id],
      ["changed", "time", o.director.id],
    ]);

    // The same time again changes nothing, not even the sequence.
    expect(await moveEntryAction({ id: o.privateId, time: { allDay: false, start: "2027-03-02T13:00", end: "2027-03-02T14:00" } })).toMatchObject({ ok: true });
    expect((await entryRow(o.privateId)).sequence).toBe(after.sequence);
  });

  it("lets only an invited person answer, and the owner see every answer", async () => {
    const db = await testDb();
    const o = await directorsOffice();
    actAs(o.confidant.viewer);
    expect(await answerEntryAction({ entryId: o.privateId, response: "declined" })).toMatchObject({ ok: false, code: "forbidden" });
    actAs(o.attendee.viewer);
    expect(await answerEntryAction({ entryId: o.privateId, response: "declined" })).toMatchObject({ ok: true });
    expect((await entryForViewer(db, o.director.viewer, o.privateId)).attendees).toEqual([{ id: o.attendee.id, name: o.attendee.name, response: "declined" }]);
    const { body } = await askWindow(o.attendee.viewer, [o.attendee.id]);
    expect(body!.entries.find((e) => e.id === o.privateId)).toMatchObject({ personId: o.attendee.id, response: "declined" });
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    actAs(owner.viewer);
    const cases = [
      { time: { allDay: false, start: "2027-03-02T11:00", end: "2027-03-02T10:00" }, title: "Wstecz" },
      { time: { allDay: false, start: "2027-03-02T11:00", end: "2037-03-02T10:00" }, title: "Dziesięć lat" },
      { time: { allDay: true, startDate: "2027-03-02", endDate: "2037-03-02" }, title: "Dziesięć lat" },
      { time: { allDay: false, start: "2027-02-30T11:00", end: "2027-03-02T10:00" }, title: "30 lutego" },
      { time: { allDay: false, start: "2027-03-02T10:00", end: "2027-03-02T11:00" }, title: "Nieznany", attendeeIds: [randomUUID()] },
      { time: { allDay: false, start: "2027-03-02T10:00", end: "2027-03-02T11:00" }, title: "   " },
      { time: { allDay: false, start: "2027-03-02T10:00", end: "2027-03-02T11:00" }, title: "Klient", clientId: randomUUID() },
    ];
    for (const input of cases) {
      const result = await createEntryAction(input as Parameters<typeof createEntryAction>[0]);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid" });
      expect(result.ok ? null : result.error, JSON.stringify(input)).toBeTruthy();
    }
    const { body } = await askWindow(owner.viewer, [], { from: "2027-01-01T00:00:00Z", to: "2027-03-01T00:00:00Z" });
    expect(body!.entries).toEqual([]);
    expect((await askWindow(owner.viewer, [], { from: "2027-01-01T00:00:00Z", to: "2028-01-01T00:00:00Z" })).status).toBe(400);
    expect((await askWindow(owner.viewer, ["not-an-id"])).status).toBe(400);
    expect(await db.select().from(calendarGrants).where(eq(calendarGrants.ownerId, owner.id))).toEqual([]);
    expect(await grantCalendarAccessAction({ granteeId: owner.id, canEdit: true })).toMatchObject({ ok: false, code: "invalid" });
    expect(await grantCalendarAccessAction({ granteeId: randomUUID(), canEdit: true })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("refuses a signed-out visitor", async () => {
    expect((await askWindow(null, [])).status).toBe(401);
    actAs(null);
    expect(await createEntryAction({ time: { allDay: false, start: "2027-03-02T10:00", end: "2027-03-02T11:00" }, title: "Anonim" })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });
});

describe("calendar windows and time", () => {
  it("keeps a 09:00 Warsaw entry at 09:00 across both clock changes, whatever the server's zone", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: "Europe/Warsaw" });
    actAs(owner.viewer);
    for (const day of ["2027-03-26", "2027-03-29", "2027-10-29", "2027-11-01"]) {
      expect(await createEntryAction({ time: { allDay: false, start: `${day}T09:00`, end: `${day}T10:00` }, title: `Poranna ${day}` })).toMatchObject({
        ok: true,
      });
    }
    const spring = await askWindow(owner.viewer, [], { from: "2027-03-22T00:00:00+01:00", to: "2027-04-05T00:00:00+02:00" });
    const autumn = await askWindow(owner.viewer, [], { from: "2027-10-25T00:00:00+02:00", to: "2027-11-08T00:00:00+01:00" });
    const starts = [...spring.body!.entries, ...autumn.body!.entries].map((e) => (e.allDay ? "" : e.start));
    expect(starts).toEqual(["2027-03-26T08:00:00.000Z", "2027-03-29T07:00:00.000Z", "2027-10-29T07:00:00.000Z", "2027-11-01T08:00:00.000Z"]);
  });

  it("finds all-day entries by the viewer's dates and long entries that began before the window", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { timeZone: "America/New_York" });
    actAs(owner.viewer);
    await createEntryAction({ time: { allDay: true, startDate: "2027-02-20", endDate: "2027-03-02" }, title: "Urlop" });
    await createEntryAction({ time: { allDay: false, start: "2027-02-25T08:00", end: "2027-03-01T18:00" }, title: "Targi" });
    await createEntryAction({ time: { allDay: true, startDate: "2027-03-08", endDate: "2027-03-08" }, title: "Po oknie" });
    const { body } = await askWindow(owner.viewer, [], { from: "2027-03-01T00:00:00-05:00", to: "2027-03-08T00:00:00-05:00" });
    expect(body!.entries.map((e) => e.title).sort()).toEqual(["Targi", "Urlop"]);
    expect(body!.entries.find((e) => e.title === "Urlop")).toMatchObject({ allDay: true, startDate: "2027-02-20", endDate: "2027-03-03" });
  });

  it("shows a person's due tasks only to those who may see the task", async () => {
    const db = await testDb();
    const { tasks } = await import("@/db/schema");
    const worker = await makeUser(db);
    const boss = await makeUser(db);
    const stranger = await makeUser(db);
    await db.insert(tasks).values({ title: "Raport kwartalny", assigneeId: worker.id, createdById: boss.id, dueAt: new Date("2027-03-03T12:00:00Z") });
    expect((await askWindow(boss.viewer, [worker.id])).body!.tasks.map((t) => t.title)).toEqual(["Raport kwartalny"]);
    expect((await askWindow(worker.viewer, [worker.id])).body!.tasks.map((t) => t.title)).toEqual(["Raport kwartalny"]);
    const seen = await askWindow(stranger.viewer, [worker.id]);
    expect(seen.body!.tasks).toEqual([]);
    expect(seen.raw).not.toContain("Raport");
  });
});
