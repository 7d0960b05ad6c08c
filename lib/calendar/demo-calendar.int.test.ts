import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarEntries, moments, users } from "@/db/schema";
import { demoEmail, seedDemo } from "@/db/seed/demo";
import { loadViewer } from "@/lib/auth/viewer";
import { emptyDatabase } from "@/lib/testing/empty-database";
import { reconcileTimelines } from "@/lib/reminders/reconcile";
import { FACTORY_PASSWORD_HASH } from "@/lib/testing/factories";
import { calendarWindow } from "./window";

describe("the demo calendar", () => {
  it("gives the sales director a week of entries his assistant edits but whose private ones she sees only as Busy", async () => {
    const handle = await emptyDatabase();
    try {
      const now = new Date("2027-03-03T10:00:00Z");
      await seedDemo(handle.db, FACTORY_PASSWORD_HASH, now);
      const idOf = async (key: string) =>
        (
          await handle.db
            .select({ id: users.id })
            .from(users)
            .where(eq(users.email, demoEmail(key)))
        )[0]!.id;
      const director = (await loadViewer(handle.db, await idOf("salesdir")))!;
      const assistant = (await loadViewer(handle.db, await idOf("assistant")))!;
      const week = { people: [director.id], from: new Date("2027-02-28T23:00:00Z"), to: new Date("2027-03-07T23:00:00Z") };
      const own = await calendarWindow(handle.db, director, week);
      expect(own.entries.map((e) => e.title)).toEqual(
        expect.arrayContaining(["Odprawa działu sprzedaży", "Posiedzenie zarządu", "Spotkanie z dyrekcją hotelu Wawel", "Wizyta u lekarza"]),
      );
      const seen = await calendarWindow(handle.db, assistant, week);
      const privateOnes = seen.entries.filter((e) => e.visibility === "private");
      expect(privateOnes.length).toBeGreaterThan(0);
      expect(privateOnes.every((e) => e.masked && e.title === null && !e.canEdit)).toBe(true);
      expect(seen.entries.find((e) => e.title === "Spotkanie z dyrekcją hotelu Wawel")).toMatchObject({ canEdit: true });
      // The Monday meeting at 09:00 Warsaw.
      expect(own.entries.find((e) => e.title === "Odprawa działu sprzedaży")).toMatchObject({ start: "2027-03-01T08:00:00.000Z" });
    } finally {
      await handle.close();
    }
  });

  it("gets its reminders from the first reconcile, though the seed writes no timelines: not for last week, not for whoever declined", async () => {
    const handle = await emptyDatabase();
    try {
      const { db } = handle;
      // The next Monday at 05:00 UTC (before the demo's first meeting that day): the seed's week and its reminders lie ahead.
      const today = new Date();
      const now = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + ((8 - today.getUTCDay()) % 7 || 7), 5));
      await seedDemo(db, FACTORY_PASSWORD_HASH, now);
      const people = new Map((await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.id, u.email]));
      const remindedOf = async (title: string) => {
        const entries = await db.select({ id: calendarEntries.id }).from(calendarEntries).where(eq(calendarEntries.title, title));
        const rows = await db
          .select({ entryId: moments.itemId, recipientId: moments.recipientId })
          .from(moments)
          .where(
            and(
              eq(moments.itemType, "entry"),
              inArray(
                moments.itemId,
                entries.map((e) => e.id),
              ),
            ),
          );
        return rows.map((r) => people.get(r.recipientId!)).sort();
      };
      expect(await remindedOf("Posiedzenie zarządu")).toEqual([]);

      await reconcileTimelines(db, now);
      // The board meeting on Tuesday: the CEO and the sales director; the service manager declined.
      expect(await remindedOf("Posiedzenie zarządu")).toEqual([demoEmail("ceo"), demoEmail("salesdir")].sort());
      // The Monday briefing of this week and the next, for the director and five attendees each; last week's is past.
      expect(await remindedOf("Odprawa działu sprzedaży")).toHaveLength(2 * 6);
    } finally {
      await handle.close();
    }
  });
});
