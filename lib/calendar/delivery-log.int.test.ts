import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { calendarGrants, devMessages } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { deliverNow } from "@/lib/notify/jobs";
import { devMailboxEmail, devMailboxSms } from "@/lib/notify/providers/dev-mailbox";
import type { EmailSender } from "@/lib/notify/providers/email";
import { PermanentDeliveryError } from "@/lib/notify/providers/errors";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { outlookReply } from "@/lib/testing/outlook-reply";
import { perform, performedEffects } from "@/lib/testing/perform";
import { answerByLink } from "./answer-link";
import { answerEntry, createEntry, moveEntry } from "./commands";
import { deliveryLogFor } from "./delivery-log";
import { receiveInboundMail } from "./inbound-reply";
import { entryReplyAddress } from "./reply-address";
import { createEntryInput, moveEntryInput } from "./schema";

const APP_URL = "https://baton.example.com";
const BEFORE = new Date("2027-05-01T08:00:00Z");

/** The development mailbox, except that one address bounces for good (a 5xx from the receiving server). */
function bouncing(db: Db, address: string): EmailSender {
  const mailbox = devMailboxEmail(db);
  return {
    name: "dev-mailbox",
    send: (message, key) =>
      message.to === address ? Promise.reject(new PermanentDeliveryError("invalid_recipient", "550 no such user")) : mailbox.send(message, key),
  };
}

async function deliverLast(db: Db, bounce: string) {
  const ids = performedEffects()
    .at(-1)!
    .flatMap((e) => (e.kind === "notify" ? e.ids : []));
  await deliverNow({ db, providers: { email: bouncing(db, bounce), sms: devMailboxSms(db), push: null }, appUrl: APP_URL }, ids);
}

async function tokenIn(db: Db, to: string): Promise<string> {
  const [mail] = await db.select({ text: devMessages.text }).from(devMessages).where(eq(devMessages.recipient, to));
  return /\/invitations\/([\w-]+)\?answer=/.exec(mail!.text)![1]!;
}

async function meeting(db: Db, visibility: "normal" | "private" = "normal") {
  const organizer = await makeUser(db, { name: "Tomasz Nowak", timeZone: "Europe/Warsaw" });
  const anna = await makeUser(db, { name: "Anna Kowalska" });
  const bartek = await makeUser(db, { name: "Bartek Zieliński" });
  const editor = await makeUser(db);
  const stranger = await makeUser(db);
  await db.insert(calendarGrants).values({ ownerId: organizer.id, granteeId: editor.id, canEdit: true });
  const tag = organizer.id.slice(0, 8);
  const guest = `jan.${tag}@hotel.example`;
  const gone = `nikt.${tag}@hotel.example`;
  const entry = await perform(
    db,
    organizer.viewer,
    createEntry,
    createEntryInput.parse({
      time: { allDay: false, start: "2027-05-10T09:00", end: "2027-05-10T10:30" },
      title: "Negocjacje z hotelem",
      visibility,
      attendeeIds: [anna.id, bartek.id],
      guests: [{ email: guest, name: "Jan Recepcja" }, { email: gone }],
    }),
  );
  await deliverLast(db, gone);
  return { organizer, anna, bartek, editor, stranger, guest, gone, entryId: entry.id };
}

const logOf = async (db: Db, viewer: Viewer, entryId: string) => deliveryLogFor(db, viewer, entryId);

describe("the entry's e-mail delivery log", () => {
  it("shows the organiser and editors each attendee's invitation e-mail and how and when they answered", async () => {
    const db = await testDb();
    const m = await meeting(db);
    await perform(db, m.anna.viewer, answerEntry, { entryId: m.entryId, response: "accepted" });
    await answerByLink(db, { token: await tokenIn(db, m.guest), response: "tentative" }, BEFORE);
    const reply = outlookReply({
      entryId: m.entryId,
      organizer: entryReplyAddress(m.entryId),
      attendee: { email: m.bartek.email, name: m.bartek.name },
      partstat: "DECLINED",
      sequence: 0,
    });
    const outcomes = await receiveInboundMail(
      db,
      {
        id: `mail_${m.entryId}`,
        from: `${m.bartek.name} <${m.bartek.email.toUpperCase()}>`,
        recipients: [entryReplyAddress(m.entryId)],
        subject: "Declined: Negocjacje z hotelem",
        text: null,
        calendars: [reply],
        headers: {},
      },
      { sender: devMailboxEmail(db), appUrl: APP_URL, now: BEFORE },
    );
    expect(outcomes).toMatchObject([{ result: "answered", response: "declined" }]);

    const log = await logOf(db, m.organizer.viewer, m.entryId);
    expect(log?.map((r) => [r.attendee.type, r.attendee.name, r.mail?.kind, r.mail?.status, r.mail?.reason, r.answer?.response, r.answer?.via])).toEqual([
      ["user", "Anna Kowalska", "invitation", "sent", null, "accepted", "app"],
      ["user", "Bartek Zieliński", "invitation", "sent", null, "declined", "mail_reply"],
      ["guest", "Jan Recepcja", "invitation", "sent", null, "tentative", "link"],
      ["guest", m.gone, "invitation", "failed", "invalid_address", undefined, undefined],
    ]);
    expect(log!.every((r) => r.mail!.at instanceof Date && r.mail!.sequence === 0)).toBe(true);
    expect(log![2]!.answer!.at).toEqual(BEFORE);
    // An editor of the organiser's calendar sees the same log.
    expect(await logOf(db, m.editor.viewer, m.entryId)).toEqual(log);

    // A reschedule sends an update with a higher SEQUENCE, and every answer is reset.
    await perform(
      db,
      m.organizer.viewer,
      moveEntry,
      moveEntryInput.parse({ id: m.entryId, time: { allDay: false, start: "2027-05-11T13:00", end: "2027-05-11T14:00" } }),
    );
    await deliverLast(db, m.gone);
    const moved = await logOf(db, m.organizer.viewer, m.entryId);
    expect(moved?.map((r) => [r.mail?.kind, r.mail?.sequence, r.mail?.status, r.answer])).toEqual([
      ["update", 1, "sent", null],
      ["update", 1, "sent", null],
      ["update", 1, "sent", null],
      ["update", 1, "failed", null],
    ]);
  });

  it("is not given to attendees, to others, nor to an editor who may not see a private entry's details", async () => {
    const db = await testDb();
    const m = await meeting(db);
    expect(await logOf(db, m.anna.viewer, m.entryId)).toBeNull();
    expect(await logOf(db, m.stranger.viewer, m.entryId)).toBeNull();

    const p = await meeting(db, "private");
    expect(await logOf(db, p.organizer.viewer, p.entryId)).toHaveLength(4);
    // The editor may edit normal entries only; a private one is "Busy" to them, with no log.
    expect(await logOf(db, p.editor.viewer, p.entryId)).toBeNull();
    expect(await logOf(db, p.anna.viewer, p.entryId)).toBeNull();
    expect(await logOf(db, p.organizer.viewer, crypto.randomUUID())).toBeNull();
  });
});
