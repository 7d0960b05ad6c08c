import { eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, calendarEntries, resources } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { emptyDatabase } from "@/lib/testing/empty-database";
import { FACTORY_PASSWORD_HASH } from "@/lib/testing/factories";
import { overlappingLiveBookings } from "./commands";

describe("the demo resources", () => {
  it("give a first start rooms, kit, a van and a demo oven, with the meetings held in a room booking it and nothing double-booked", async () => {
    const handle = await emptyDatabase();
    try {
      await seedDemo(handle.db, FACTORY_PASSWORD_HASH, new Date("2027-03-03T10:00:00Z"));
      const kinds = new Set((await handle.db.select({ kind: resources.kind }).from(resources)).map((r) => r.kind));
      expect([...kinds].sort()).toEqual(["conference_kit", "demo_product", "device", "room", "vehicle"]);
      const meetingBookings = await handle.db
        .select({
          purpose: bookings.purpose,
          title: calendarEntries.title,
          room: resources.name,
          location: calendarEntries.location,
          start: bookings.startsAt,
          entryStart: calendarEntries.startsAt,
        })
        .from(bookings)
        .innerJoin(calendarEntries, eq(calendarEntries.id, bookings.entryId))
        .innerJoin(resources, eq(resources.id, bookings.resourceId))
        .where(isNotNull(bookings.entryId));
      expect(meetingBookings.length).toBeGreaterThan(2);
      for (const b of meetingBookings) {
        expect(b.room).toBe(b.location);
        expect(b.purpose).toBe(b.title);
        expect(b.start.getTime()).toBe(b.entryStart!.getTime());
      }
      const own = await handle.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.purpose, "Objazd serwisowy: Nowy Targ i Zakopane"));
      expect(own).toHaveLength(1);
      expect(await overlappingLiveBookings(handle.db)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});
