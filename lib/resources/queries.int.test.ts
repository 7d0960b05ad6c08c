import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, resources } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeEntry, makeUser } from "@/lib/testing/factories";
import { bookableResources, bookingsInWindow } from "./queries";

describe("reading a resource's bookings", () => {
  it("shows a private entry's booking as busy, with no booker or purpose, to everyone but its booker; only the booker and admins may change it", async () => {
    const db = await testDb();
    const [owner, stranger, admin] = [await makeUser(db), await makeUser(db), await makeUser(db, { role: "admin" })];
    const location = `Hala ${crypto.randomUUID().slice(0, 6)}`;
    const [van] = await db
      .insert(resources)
      .values({ name: `Bus ${crypto.randomUUID().slice(0, 6)}`, kind: "vehicle", location })
      .returning();
    await db.insert(resources).values({ name: `Stary bus ${crypto.randomUUID().slice(0, 6)}`, kind: "vehicle", location, retiredAt: new Date() });
    const entry = await makeEntry(db, owner.id, {
      title: "Tajne",
      visibility: "private",
      startsAt: new Date("2027-03-02T09:00Z"),
      endsAt: new Date("2027-03-02T10:00Z"),
    });
    await db.insert(bookings).values([
      {
        resourceId: van!.id,
        startsAt: new Date("2027-03-02T09:00Z"),
        endsAt: new Date("2027-03-02T10:00Z"),
        purpose: "Wizyta u klienta X",
        bookedById: owner.id,
        entryId: entry.id,
      },
      { resourceId: van!.id, startsAt: new Date("2027-03-03T09:00Z"), endsAt: new Date("2027-03-03T10:00Z"), purpose: "Serwis", bookedById: owner.id },
      { resourceId: van!.id, startsAt: new Date("2027-03-20T09:00Z"), endsAt: new Date("2027-03-20T10:00Z"), purpose: "Poza oknem", bookedById: owner.id },
    ]);
    const window = [van!.id, new Date("2027-03-01T00:00Z"), new Date("2027-03-08T00:00Z")] as const;

    const seenByStranger = await bookingsInWindow(db, stranger.viewer, ...window);
    expect(seenByStranger).toHaveLength(2);
    expect(seenByStranger[0]).toMatchObject({ busy: true, bookedBy: null, purpose: null, canChange: false });
    expect(JSON.stringify(seenByStranger)).not.toContain("Wizyta");
    expect(seenByStranger[1]).toMatchObject({ busy: false, bookedBy: owner.name, purpose: "Serwis", canChange: false });

    expect((await bookingsInWindow(db, owner.viewer, ...window))[0]).toMatchObject({ busy: false, purpose: "Wizyta u klienta X", canChange: true });
    expect((await bookingsInWindow(db, admin.viewer, ...window))[0]).toMatchObject({ busy: true, canChange: true });

    const listed = await bookableResources(db, { kind: "vehicle", location });
    expect(listed.map((r) => r.id)).toEqual([van!.id]);
    expect(await bookableResources(db, { kind: "room", location })).toEqual([]);
    expect((await db.select().from(bookings).where(eq(bookings.resourceId, van!.id))).length).toBe(3);
  });
});
