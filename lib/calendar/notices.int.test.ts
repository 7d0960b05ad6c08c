import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { calendarEntries, calendarEntryAttendees, calendarGrants, notifications } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { runUnit } from "@/lib/effects/unit";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { perform } from "@/lib/testing/perform";
import { answerEntry, cancelEntry, createEntry, moveEntry, updateEntry } from "./commands";
import { invitationAnswersFor } from "./invitations";
import { notificationsOf } from "@/lib/notify/queries";
import { notifyAboutEntry } from "./notices";
import { answerInput, createEntryInput, moveEntryInput, updateEntryInput } from "./schema";

const zone = { timeZone: "Europe/Warsaw" };

/** A director, an assistant who may edit the director's calendar, two invitees and a colleague with no part in it. */
async function office(db: Db) {
  const director = await makeUser(db, { ...zone, name: "Tomasz Nowak" });
  const assistant = await makeUser(db, { ...zone, name: "Magdalena Wójcik" });
  const anna = await makeUser(db, zone);
  const piotr = await makeUser(db, { ...zone, locale: "en" });
  const colleague = await makeUser(db, zone);
  await db.insert(calendarGrants).values({ ownerId: director.id, granteeId: assistant.id, canEdit: true });
  return { director, assistant, anna, piotr, colleague };
}

/** Every notice about the entry: [kind, recipient], sorted. */
async function noticesAbout(db: Db, entryId: string) {
  const rows = await db
    .select({ kind: notifications.kind, recipientId: notifications.recipientId })
    .from(notifications)
    .where(eq(notifications.link, `/calendar/entries/${entryId}`));
  return rows.map((r) => [r.kind, r.recipientId] as const).sort();
}

async function payloadOf(db: Db, entryId: string, kind: string, recipientId: string) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.link, `/calendar/entries/${entryId}`), eq(notifications.kind, kind), eq(notifications.recipientId, recipientId)));
  return row;
}

const sorted = <T>(list: T[]) => [...list].sort();

function create(db: Db, viewer: Viewer, input: Record<string, unknown>) {
  return perform(
    db,
    viewer,
    createEntry,
    createEntryInput.parse({ time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:00" }, title: "Przegląd kwartalny", ...input }),
  );
}

describe("invitation notices", () => {
  it("invites each attendee and tells the owner what an assistant put in their calendar, never the assistant", async () => {
    const db = await testDb();
    const o = await office(db);
    const entry = await create(db, o.assistant.viewer, { ownerId: o.director.id, attendeeIds: [o.anna.id, o.piotr.id, o.assistant.id] });

    expect(await noticesAbout(db, entry.id)).toEqual(
      sorted([
        ["calendar.invited", o.anna.id],
        ["calendar.invited", o.piotr.id],
        ["calendar.changedForYou", o.director.id],
      ]),
    );
    const invited = await payloadOf(db, entry.id, "calendar.invited", o.anna.id);
    expect(invited).toMatchObject({
      link: `/calendar/entries/${entry.id}`,
      actorId: o.assistant.id,
      priority: "normal",
      title: "Zaproszenie: Przegląd kwartalny",
    });
    expect(invited!.payload).toMatchObject({ owner: "Tomasz Nowak", actor: "Magdalena Wójcik", time: { allDay: false, start: "2027-05-10T07:00:00.000Z" } });
    expect(invited!.body).toContain("Kto: Magdalena Wójcik w imieniu: Tomasz Nowak");
    // Rendered in the reader's language when written: Piotr reads English.
    expect((await payloadOf(db, entry.id, "calendar.invited", o.piotr.id))!.title).toBe("Invitation: Przegląd kwartalny");
    expect((await payloadOf(db, entry.id, "calendar.changedForYou", o.director.id))!.payload).toMatchObject({ change: "created" });
  });

  it("tells nobody about their own entry, and tells the owner each answer but not the one who answered", async () => {
    const db = await testDb();
    const o = await office(db);
    const entry = await create(db, o.director.viewer, { attendeeIds: [o.anna.id, o.piotr.id] });
    await perform(db, o.anna.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "accepted" }));
    await perform(db, o.piotr.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "declined" }));
    // The same answer again changes nothing and tells nobody twice.
    await perform(db, o.anna.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "accepted" }));

    expect(await noticesAbout(db, entry.id)).toEqual(
      sorted([
        ["calendar.invited", o.anna.id],
        ["calendar.invited", o.piotr.id],
        ["calendar.answered", o.director.id],
        ["calendar.answered", o.director.id],
      ]),
    );
    const answers = await db
      .select({ payload: notifications.payload })
      .from(notifications)
      .where(and(eq(notifications.link, `/calendar/entries/${entry.id}`), eq(notifications.kind, "calendar.answered")));
    expect(answers.map((a) => a.payload.response).sort()).toEqual(["accepted", "declined"]);
  });

  it("asks everyone again when the time moves, says what changed, and tells the owner when the assistant moved it", async () => {
    const db = await testDb();
    const o = await office(db);
    const entry = await create(db, o.director.viewer, { attendeeIds: [o.anna.id, o.piotr.id] });
    await perform(db, o.anna.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "accepted" }));
    await perform(db, o.piotr.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "declined" }));

    await perform(
      db,
      o.assistant.viewer,
      moveEntry,
      moveEntryInput.parse({ id: entry.id, time: { allDay: false, start: "2027-05-11T13:00", end: "2027-05-11T14:00" } }),
    );

    const answers = await db.select().from(calendarEntryAttendees).where(eq(calendarEntryAttendees.entryId, entry.id));
    expect(answers.map((a) => [a.userId, a.response, a.respondedAt])).toEqual(
      expect.arrayContaining([
        [o.anna.id, "needs_action", null],
        [o.piotr.id, "needs_action", null],
      ]),
    );
    const notices = await noticesAbout(db, entry.id);
    expect(notices.filter(([kind]) => kind === "calendar.rescheduled")).toEqual(
      sorted([
        ["calendar.rescheduled", o.anna.id],
        ["calendar.rescheduled", o.piotr.id],
      ]),
    );
    expect(notices.filter(([kind]) => kind === "calendar.changedForYou")).toEqual([["calendar.changedForYou", o.director.id]]);
    expect(notices.some(([, recipient]) => recipient === o.assistant.id)).toBe(false);

    const rescheduled = await payloadOf(db, entry.id, "calendar.rescheduled", o.anna.id);
    expect(rescheduled!.payload).toMatchObject({
      previous: { allDay: false, start: "2027-05-10T07:00:00.000Z", end: "2027-05-10T08:00:00.000Z" },
      time: { allDay: false, start: "2027-05-11T11:00:00.000Z", end: "2027-05-11T12:00:00.000Z" },
    });
    expect(rescheduled!.body).toContain("Było: 10.05.2027, 09:00–10:00");
    expect(rescheduled!.body).toContain("Teraz: 11.05.2027, 13:00–14:00");
    expect((await payloadOf(db, entry.id, "calendar.changedForYou", o.director.id))!.payload).toMatchObject({ change: "moved" });

    // A move to where it already is, is no change: nobody is told again.
    await perform(
      db,
      o.director.viewer,
      moveEntry,
      moveEntryInput.parse({ id: entry.id, time: { allDay: false, start: "2027-05-11T13:00", end: "2027-05-11T14:00" } }),
    );
    expect(await noticesAbout(db, entry.id)).toEqual(notices);
  });

  it("invites only those added by an edit, and tells the rest nothing when the time stays", async () => {
    const db = await testDb();
    const o = await office(db);
    const entry = await create(db, o.director.viewer, { attendeeIds: [o.anna.id] });
    const before = await db.select({ version: calendarEntries.version }).from(calendarEntries).where(eq(calendarEntries.id, entry.id));
    await perform(
      db,
      o.director.viewer,
      updateEntry,
      updateEntryInput.parse({
        id: entry.id,
        time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:00" },
        title: "Przegląd kwartalny",
        attendeeIds: [o.anna.id, o.piotr.id],
      }),
    );
    expect(await noticesAbout(db, entry.id)).toEqual(
      sorted([
        ["calendar.invited", o.anna.id],
        ["calendar.invited", o.piotr.id],
      ]),
    );
    // Adding an attendee is a new version of the entry: its reminders (the timeline) follow it.
    const [after] = await db.select({ version: calendarEntries.version }).from(calendarEntries).where(eq(calendarEntries.id, entry.id));
    expect(after!.version).toBe(before[0]!.version + 1);
  });

  it("tells every attendee that the entry is cancelled, those who declined too", async () => {
    const db = await testDb();
    const o = await office(db);
    const entry = await create(db, o.assistant.viewer, { ownerId: o.director.id, attendeeIds: [o.anna.id, o.piotr.id, o.colleague.id] });
    await perform(db, o.piotr.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "declined" }));
    await perform(db, o.anna.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "tentative" }));
    await perform(db, o.assistant.viewer, cancelEntry, { id: entry.id });

    const cancelled = (await noticesAbout(db, entry.id)).filter(([kind]) => kind === "calendar.cancelled" || kind === "calendar.changedForYou");
    expect(cancelled).toEqual(
      sorted([
        ["calendar.cancelled", o.anna.id],
        ["calendar.cancelled", o.piotr.id],
        ["calendar.cancelled", o.colleague.id],
        ["calendar.changedForYou", o.director.id],
        ["calendar.changedForYou", o.director.id],
      ]),
    );
    expect((await payloadOf(db, entry.id, "calendar.cancelled", o.piotr.id))!.title).toBe("Cancelled: Przegląd kwartalny");
    const [row] = await db.select({ cancelledAt: calendarEntries.cancelledAt }).from(calendarEntries).where(eq(calendarEntries.id, entry.id));
    expect(row!.cancelledAt).not.toBeNull();
  });
});

describe("removing an attendee", () => {
  const edit = (db: Db, viewer: Viewer, id: string, input: Record<string, unknown>) =>
    perform(
      db,
      viewer,
      updateEntry,
      updateEntryInput.parse({ id, time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:00" }, title: "Przegląd kwartalny", ...input }),
    );

  it("tells the removed attendee in their language, and nobody who stays", async () => {
    const db = await testDb();
    const o = await office(db);
    const entry = await create(db, o.director.viewer, { attendeeIds: [o.anna.id, o.piotr.id, o.colleague.id], location: "Sala 2" });
    await perform(db, o.anna.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "accepted" }));
    const before = await noticesAbout(db, entry.id);

    await edit(db, o.assistant.viewer, entry.id, { attendeeIds: [o.colleague.id], location: "Sala 2" });

    const fresh = [...(await noticesAbout(db, entry.id))];
    for (const [kind, who] of before)
      fresh.splice(
        fresh.findIndex(([k, w]) => k === kind && w === who),
        1,
      );
    expect(fresh).toEqual(
      sorted([
        ["calendar.removed", o.anna.id],
        ["calendar.removed", o.piotr.id],
        ["calendar.changedForYou", o.director.id],
      ]),
    );
    const anna = await payloadOf(db, entry.id, "calendar.removed", o.anna.id);
    expect(anna).toMatchObject({ title: "Usunięto Cię z wpisu: Przegląd kwartalny", actorId: o.assistant.id, link: `/calendar/entries/${entry.id}` });
    expect(anna!.body).toContain("Kiedy: 10.05.2027, 09:00–10:00");
    expect(anna!.body).toContain("Gdzie: Sala 2");
    expect(anna!.body).toContain("Kto: Magdalena Wójcik w imieniu: Tomasz Nowak");
    expect(anna!.payload).toMatchObject({ canOpen: true });
    // Piotr reads English, on the page as in the stored row.
    expect((await payloadOf(db, entry.id, "calendar.removed", o.piotr.id))!.title).toBe("Removed from: Przegląd kwartalny");
    expect((await notificationsOf(db, o.piotr.viewer)).map((n) => n.title)).toContain("Removed from: Przegląd kwartalny");

    // Her invitation can no longer be answered, from the bell or anywhere.
    const [invitation] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(eq(notifications.link, `/calendar/entries/${entry.id}`), eq(notifications.recipientId, o.anna.id), eq(notifications.kind, "calendar.invited")),
      );
    expect((await invitationAnswersFor(db, o.anna.viewer, [invitation!.id])).size).toBe(0);
    await expect(perform(db, o.anna.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "declined" }))).rejects.toThrow();
  });

  it("removes and moves in one edit: the removed hear they were removed, those who stay are asked again", async () => {
    const db = await testDb();
    const o = await office(db);
    const entry = await create(db, o.director.viewer, { attendeeIds: [o.anna.id, o.piotr.id] });
    await edit(db, o.director.viewer, entry.id, { attendeeIds: [o.piotr.id], time: { allDay: false, start: "2027-05-11T13:00", end: "2027-05-11T14:00" } });

    const kinds = (await noticesAbout(db, entry.id)).filter(([kind]) => kind !== "calendar.invited");
    expect(kinds).toEqual(
      sorted([
        ["calendar.removed", o.anna.id],
        ["calendar.rescheduled", o.piotr.id],
      ]),
    );
    // The removed attendee is told of the entry she knew, at its old time.
    expect((await payloadOf(db, entry.id, "calendar.removed", o.anna.id))!.payload).toMatchObject({
      time: { allDay: false, start: "2027-05-10T07:00:00.000Z" },
    });
  });

  it("tells someone removed from a private entry what they knew of it, nothing the same edit changed, and links to their calendar", async () => {
    const db = await testDb();
    const o = await office(db);
    const secret = `Rozmowa o podwyżce ${randomUUID().slice(0, 8)}`;
    const renamed = `Rozmowa o awansie ${randomUUID().slice(0, 8)}`;
    const entry = await create(db, o.director.viewer, { title: secret, visibility: "private", location: "Gabinet", attendeeIds: [o.anna.id, o.piotr.id] });

    await edit(db, o.director.viewer, entry.id, { title: renamed, visibility: "private", location: "Kawiarnia", attendeeIds: [o.piotr.id] });

    // Not linked to the entry (she would get "not found"), so found by its key.
    const [removed] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "calendar.removed"), like(notifications.dedupeKey, `calendar:${entry.id}:%`)));
    expect(removed).toMatchObject({ recipientId: o.anna.id, title: `Usunięto Cię z wpisu: ${secret}`, link: "/calendar" });
    expect(removed!.payload).toMatchObject({ title: secret, location: "Gabinet", canOpen: false });
    const annas = await db.select().from(notifications).where(eq(notifications.recipientId, o.anna.id));
    for (const n of annas) expect(JSON.stringify(n)).not.toMatch(/awansie|Kawiarnia/);
    // Nobody else who may not see it heard of it.
    const told = await db
      .select({ recipientId: notifications.recipientId })
      .from(notifications)
      .where(like(notifications.title, `%${secret}%`));
    expect(new Set(told.map((r) => r.recipientId))).toEqual(new Set([o.anna.id, o.piotr.id]));
  });
});

describe("notices about private entries", () => {
  it("names a private entry only to those who may see its details", async () => {
    const db = await testDb();
    const o = await office(db);
    const confidant = await makeUser(db, zone);
    await db.insert(calendarGrants).values({ ownerId: o.director.id, granteeId: confidant.id, canEdit: true, canSeePrivate: true });
    const secret = `Rozmowa o podwyżce ${randomUUID().slice(0, 8)}`;

    // The confidant (edit and see-private) puts a private entry in the director's calendar with Anna.
    const entry = await create(db, confidant.viewer, { ownerId: o.director.id, title: secret, visibility: "private", attendeeIds: [o.anna.id] });
    // The assistant may edit but not see private entries: the command refuses them as if it did not exist.
    await expect(
      perform(
        db,
        o.assistant.viewer,
        moveEntry,
        moveEntryInput.parse({ id: entry.id, time: { allDay: false, start: "2027-05-12T09:00", end: "2027-05-12T10:00" } }),
      ),
    ).rejects.toThrow();
    await perform(
      db,
      confidant.viewer,
      moveEntry,
      moveEntryInput.parse({ id: entry.id, time: { allDay: false, start: "2027-05-12T09:00", end: "2027-05-12T10:00" } }),
    );

    const withSecret = await db
      .select({ recipientId: notifications.recipientId })
      .from(notifications)
      .where(like(notifications.title, `%${secret}%`));
    expect(new Set(withSecret.map((r) => r.recipientId))).toEqual(new Set([o.anna.id, o.director.id]));

    // The one place that decides, asked directly to tell people who may not see the entry: it writes nothing for them.
    const [row] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, entry.id));
    const written = await runUnit(db, confidant.viewer, (work) =>
      notifyAboutEntry(work, { ...row!, version: row!.version + 100 }, o.director.id, confidant.viewer, [
        { kind: "cancelled", recipientId: o.assistant.id },
        { kind: "cancelled", recipientId: o.colleague.id },
        { kind: "cancelled", recipientId: o.anna.id },
        { kind: "changedForYou", recipientId: o.director.id, change: "changed" },
        { kind: "cancelled", recipientId: confidant.id },
      ]),
    );
    expect(written).toHaveLength(2);
    const told = await db
      .select({ recipientId: notifications.recipientId })
      .from(notifications)
      .where(like(notifications.dedupeKey, `calendar:${entry.id}:v${row!.version + 100}:%`));
    expect(new Set(told.map((r) => r.recipientId))).toEqual(new Set([o.anna.id, o.director.id]));
  });
});

describe("answering from the notification", () => {
  it("offers the invitee the answer on their own invitation until the entry is cancelled, and nobody else", async () => {
    const db = await testDb();
    const o = await office(db);
    const entry = await create(db, o.director.viewer, { attendeeIds: [o.anna.id] });
    const [invitation] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.link, `/calendar/entries/${entry.id}`), eq(notifications.recipientId, o.anna.id)));

    expect((await invitationAnswersFor(db, o.anna.viewer, [invitation!.id])).get(invitation!.id)).toEqual({ entryId: entry.id, response: "needs_action" });
    // Someone else's notification, even one they could guess the id of, answers nothing.
    expect((await invitationAnswersFor(db, o.colleague.viewer, [invitation!.id])).size).toBe(0);
    expect((await invitationAnswersFor(db, o.director.viewer, [invitation!.id])).size).toBe(0);

    await perform(db, o.anna.viewer, answerEntry, answerInput.parse({ entryId: entry.id, response: "tentative" }));
    expect((await invitationAnswersFor(db, o.anna.viewer, [invitation!.id])).get(invitation!.id)?.response).toBe("tentative");
    // The owner's notice of that answer is not an invitation.
    const [answered] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.link, `/calendar/entries/${entry.id}`), eq(notifications.kind, "calendar.answered")));
    expect((await invitationAnswersFor(db, o.director.viewer, [answered!.id])).size).toBe(0);

    await perform(db, o.director.viewer, cancelEntry, { id: entry.id });
    expect((await invitationAnswersFor(db, o.anna.viewer, [invitation!.id])).size).toBe(0);
  });
});
