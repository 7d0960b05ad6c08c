import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarEntries, calendarEntryGuests, clientContacts, notifications } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeClient, makeUser } from "@/lib/testing/factories";
import { createEntryAction, updateEntryAction } from "./actions";
import { MAX_GUESTS } from "./limits";

const time = { allDay: false, start: "2027-06-07T09:00", end: "2027-06-07T10:00" } as const;

describe("guests from outside Baton", () => {
  it("refuses an address that is not one, too many guests, another client's contact, a contact without an address, a colleague's address and an unknown zone, and writes nothing", async () => {
    const db = await testDb();
    const organizer = await makeUser(db, { timeZone: "Europe/Warsaw" });
    const colleague = await makeUser(db);
    const client = await makeClient(db);
    const other = await makeClient(db);
    const [foreign, silent] = await db
      .insert(clientContacts)
      .values([
        { clientId: other.id, name: "Obcy Kontakt", email: "obcy@other.example" },
        { clientId: client.id, name: "Bez Adresu", email: null },
      ])
      .returning();
    const title = `Spotkanie ${organizer.id.slice(0, 8)}`;
    actAs(organizer.viewer);
    const refused: [string, Record<string, unknown>, string, string][] = [
      ["not an address", { guests: [{ email: "jan(at)hotel" }] }, "guests.0.email", "Enter a valid e-mail address."],
      [
        "too many",
        { guests: Array.from({ length: MAX_GUESTS + 1 }, (_, i) => ({ email: `gosc${i}@hotel.example` })) },
        "guests",
        "You can invite at most 50 people from outside Baton to one entry.",
      ],
      [
        "another client's contact",
        { clientId: client.id, guests: [{ contactId: foreign!.id }] },
        "guests.0.contactId",
        "Choose a contact of the entry's client.",
      ],
      ["a contact without an address", { clientId: client.id, guests: [{ contactId: silent!.id }] }, "guests.0.email", "This contact has no e-mail address."],
      [
        "a colleague",
        { guests: [{ email: colleague.email.toUpperCase() }] },
        "guests.0.email",
        "This address belongs to a colleague: invite them as a person from Baton.",
      ],
      ["an unknown zone", { guests: [{ email: "jan@hotel.example", timeZone: "Mars/Olympus" }] }, "guests.0.timeZone", "Choose a time zone from the list."],
    ];
    for (const [what, input, field, message] of refused) {
      const result = await createEntryAction({ time, title, ...input });
      expect(result, what).toMatchObject({ ok: false, code: "invalid" });
      expect(!result.ok && result.fieldErrors?.[field], what).toEqual([message]);
    }
    const written = await db.select({ id: calendarEntries.id }).from(calendarEntries).where(eq(calendarEntries.title, title));
    expect(written).toEqual([]);
  });

  it("keeps one invitation per address, and lets only someone who may edit the entry change its guests", async () => {
    const db = await testDb();
    const organizer = await makeUser(db, { timeZone: "Europe/Warsaw", locale: "en" });
    const stranger = await makeUser(db);
    actAs(organizer.viewer);
    const created = await createEntryAction({
      time,
      title: "Przegląd",
      guests: [{ email: "Jan@Hotel.example" }, { email: "jan@hotel.example", name: "Jan" }],
    });
    if (!created.ok) throw new Error(created.error);
    const guests = await db.select().from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, created.data.id));
    expect(guests).toHaveLength(1);
    expect(guests[0]).toMatchObject({ email: "jan@hotel.example", locale: "en", timeZone: "Europe/Warsaw" });

    actAs(stranger.viewer);
    const refused = await updateEntryAction({ id: created.data.id, time, title: "Przegląd", guests: [{ email: "ktos@obcy.example" }] });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    const after = await db.select({ email: calendarEntryGuests.email }).from(calendarEntryGuests).where(eq(calendarEntryGuests.entryId, created.data.id));
    expect(after).toEqual([{ email: "jan@hotel.example" }]);
    const toStrangers = await db.select().from(notifications).where(eq(notifications.actorId, stranger.id));
    expect(toStrangers).toEqual([]);
  });
});
