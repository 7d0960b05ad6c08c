import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { calendarEntries, calendarEntryActivity, calendarEntryAttendees, calendarEntryGuests, loginThrottle, notifications } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { perform } from "@/lib/testing/perform";
import { answerInvitationLinkAction } from "./actions";
import { ANSWER_LINK_RULE, answerByLink, answerLinkAddressKey, answerLinkState } from "./answer-link";
import { signAnswerLink, type AnswerLink } from "./answer-token";
import { cancelEntry, createEntry, moveEntry, updateEntry } from "./commands";
import { createEntryInput, moveEntryInput, updateEntryInput } from "./schema";

// Answers come from signed-out browsers; the action reads the client's address from the request.
const request = vi.hoisted(() => ({ address: "203.0.113.7" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-baton-client-address": request.address }) }));

const BEFORE = new Date("2027-05-01T08:00:00.000Z");
const time = { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:00" } as const;

async function meeting(db: Db) {
  const organizer = await makeUser(db, { name: "Tomasz Nowak", timeZone: "Europe/Warsaw" });
  const anna = await makeUser(db, { name: "Anna Kowalska", timeZone: "Europe/Warsaw" });
  const stranger = await makeUser(db, { timeZone: "Europe/Warsaw" });
  const guestEmail = `jan.${organizer.id.slice(0, 8)}@hotel.example`;
  const entry = await perform(
    db,
    organizer.viewer,
    createEntry,
    createEntryInput.parse({ time, title: "Negocjacje", attendeeIds: [anna.id], guests: [{ email: guestEmail, name: "Jan Recepcja" }] }),
  );
  const other = await perform(db, organizer.viewer, createEntry, createEntryInput.parse({ time, title: "Inne spotkanie", attendeeIds: [stranger.id] }));
  const [guest] = await db.select().from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, entry.id));
  const expiresAt = new Date("2027-05-10T08:00:00.000Z");
  const link = (over: Partial<AnswerLink> = {}): string =>
    signAnswerLink({ entryId: entry.id, attendee: { type: "guest", id: guest!.id }, sequence: 0, expiresAt, ...over });
  return { organizer, anna, stranger, entry, other, guest: guest!, link, expiresAt };
}

/** Everything an answer could have written: the guest's and colleagues' answers, history, notices, the entry's version. */
async function footprint(db: Db, entryId: string) {
  const [entry] = await db.select({ version: calendarEntries.version }).from(calendarEntries).where(eq(calendarEntries.id, entryId));
  return {
    version: entry!.version,
    guests: await db.select({ response: calendarEntryGuests.response }).from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, entryId)),
    attendees: await db.select({ response: calendarEntryAttendees.response }).from(calendarEntryAttendees).where(eq(calendarEntryAttendees.entryId, entryId)),
    answered: (
      await db
        .select()
        .from(calendarEntryActivity)
        .where(and(eq(calendarEntryActivity.entryId, entryId), eq(calendarEntryActivity.kind, "answered")))
    ).length,
    notices: (await db.select().from(notifications).where(eq(notifications.kind, "calendar.answered"))).filter((n) => n.link === `/calendar/entries/${entryId}`)
      .length,
  };
}

describe("answering through an invitation's link", () => {
  it("records a guest's answer, names them in the history, tells the organiser, and lets them change it", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const token = m.link();
    const opened = await answerLinkState(db, token, BEFORE);
    expect(opened).toMatchObject({
      ok: true,
      invitation: { entryId: m.entry.id, title: "Negocjacje", organizer: "Tomasz Nowak", response: "needs_action", attendee: { name: "Jan Recepcja" } },
    });

    await answerByLink(db, { token, response: "accepted" }, BEFORE);
    const [guest] = await db.select().from(calendarEntryGuests).where(eq(calendarEntryGuests.id, m.guest.id));
    expect(guest).toMatchObject({ response: "accepted", respondedAt: BEFORE });
    const [history] = await db
      .select()
      .from(calendarEntryActivity)
      .where(and(eq(calendarEntryActivity.entryId, m.entry.id), eq(calendarEntryActivity.kind, "answered")));
    expect(history).toMatchObject({ actorId: null, field: "guest", comment: "Jan Recepcja", oldValue: "needs_action", newValue: "accepted" });
    const [told] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, m.organizer.id), eq(notifications.kind, "calendar.answered")));
    expect(told!.payload).toMatchObject({ attendee: "Jan Recepcja", response: "accepted", entryId: m.entry.id });

    // The same link shows the answer and changes it.
    expect(await answerLinkState(db, token, BEFORE)).toMatchObject({ ok: true, invitation: { response: "accepted" } });
    await answerByLink(db, { token, response: "declined" }, BEFORE);
    expect((await answerLinkState(db, token, BEFORE)) as unknown).toMatchObject({ invitation: { response: "declined" } });
  });

  it("records a colleague's answer as if they had answered in Baton", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const token = m.link({ attendee: { type: "user", id: m.anna.id } });
    await answerByLink(db, { token, response: "tentative" }, BEFORE);
    const [row] = await db.select().from(calendarEntryAttendees).where(eq(calendarEntryAttendees.userId, m.anna.id));
    expect(row!.response).toBe("tentative");
    const [history] = await db
      .select()
      .from(calendarEntryActivity)
      .where(and(eq(calendarEntryActivity.entryId, m.entry.id), eq(calendarEntryActivity.kind, "answered")));
    expect(history).toMatchObject({ actorId: m.anna.id, newValue: "tentative" });
  });

  it("opening a link changes nothing", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const before = await footprint(db, m.entry.id);
    for (let i = 0; i < 3; i++) await answerLinkState(db, m.link(), BEFORE);
    expect(await footprint(db, m.entry.id)).toEqual(before);
  });

  it("refuses a link for another attendee, another entry, an expired, altered, replaced or withdrawn invitation, and writes nothing", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const tampered = (() => {
      const token = m.link();
      return `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
    })();
    const cases: [string, string, Date, string][] = [
      // Someone not invited to this entry, though invited to another.
      ["wrong attendee", m.link({ attendee: { type: "user", id: m.stranger.id } }), BEFORE, "withdrawn"],
      // The guest's own row, named on an entry they are not invited to.
      ["wrong entry", m.link({ entryId: m.other.id }), BEFORE, "withdrawn"],
      ["expired", m.link(), new Date(m.expiresAt.getTime() + 1000), "expired"],
      ["tampered", tampered, BEFORE, "invalid"],
      ["made up", "not-a-token", BEFORE, "invalid"],
    ];
    const before = await footprint(db, m.entry.id);
    const otherBefore = await footprint(db, m.other.id);
    for (const [what, token, now, refusal] of cases) {
      expect(await answerLinkState(db, token, now), what).toEqual({ ok: false, refusal });
      await expect(answerByLink(db, { token, response: "accepted" }, now), what).rejects.toMatchObject({
        code: "invalid",
        message: `invitations.answer.${refusal}`,
      });
    }
    expect(await footprint(db, m.entry.id)).toEqual(before);
    expect(await footprint(db, m.other.id)).toEqual(otherBefore);
  });

  it("refuses a link the entry's newer invitation replaced, one whose guest was removed, and one of a cancelled entry", async () => {
    const db = await testDb();
    const m = await meeting(db);
    const old = m.link();
    await perform(
      db,
      m.organizer.viewer,
      moveEntry,
      moveEntryInput.parse({ id: m.entry.id, time: { allDay: false, start: "2027-05-10T11:00", end: "2027-05-10T12:00" } }),
    );
    const before = await footprint(db, m.entry.id);
    expect(await answerLinkState(db, old, BEFORE)).toEqual({ ok: false, refusal: "replaced" });
    await expect(answerByLink(db, { token: old, response: "accepted" }, BEFORE)).rejects.toMatchObject({ message: "invitations.answer.replaced" });
    // The new invitation's link works.
    const current = m.link({ sequence: 1, expiresAt: new Date("2027-05-10T10:00:00.000Z") });
    expect((await answerLinkState(db, current, BEFORE)).ok).toBe(true);
    expect(await footprint(db, m.entry.id)).toEqual(before);

    await perform(
      db,
      m.organizer.viewer,
      updateEntry,
      updateEntryInput.parse({
        id: m.entry.id,
        time: { allDay: false, start: "2027-05-10T11:00", end: "2027-05-10T12:00" },
        title: "Negocjacje",
        attendeeIds: [m.anna.id],
        guests: [],
      }),
    );
    expect(await answerLinkState(db, current, BEFORE)).toEqual({ ok: false, refusal: "withdrawn" });

    const anna = m.link({ attendee: { type: "user", id: m.anna.id }, sequence: 1, expiresAt: new Date("2027-05-10T10:00:00.000Z") });
    expect((await answerLinkState(db, anna, BEFORE)).ok).toBe(true);
    await perform(db, m.organizer.viewer, cancelEntry, { id: m.entry.id });
    expect(await answerLinkState(db, anna, BEFORE)).toEqual({ ok: false, refusal: "withdrawn" });
    await expect(answerByLink(db, { token: anna, response: "accepted" }, BEFORE)).rejects.toMatchObject({ message: "invitations.answer.withdrawn" });
  });

  it("the action answers a signed-out visitor, refuses bad input, and stops a client address that answers too often", async () => {
    const db = await testDb();
    const m = await meeting(db);
    request.address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    // The entry is in 2027: the action's clock (now) is before its end.
    const token = m.link();
    const ok = await answerInvitationLinkAction({ token, response: "tentative" });
    expect(ok).toEqual({ ok: true, data: { response: "tentative" } });

    expect(await answerInvitationLinkAction({ token, response: "needs_action" as "accepted" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await answerInvitationLinkAction({ token: "x".repeat(500), response: "accepted" })).toMatchObject({ ok: false, code: "invalid" });
    const altered = await answerInvitationLinkAction({
      token: `${token.slice(0, 30)}${token[30] === "A" ? "B" : "A"}${token.slice(31)}`,
      response: "declined",
    });
    expect(altered).toMatchObject({
      ok: false,
      code: "invalid",
      error: "The link is incomplete or was changed. Open it again from the invitation e-mail, or ask the organiser to send the invitation again.",
    });

    await db
      .update(loginThrottle)
      .set({ failures: ANSWER_LINK_RULE.maxAttempts })
      .where(eq(loginThrottle.key, answerLinkAddressKey(request.address)));
    expect(await answerInvitationLinkAction({ token, response: "declined" })).toMatchObject({ ok: false, code: "conflict" });
    const [guest] = await db.select().from(calendarEntryGuests).where(eq(calendarEntryGuests.id, m.guest.id));
    expect(guest!.response).toBe("tentative");
  });
});
