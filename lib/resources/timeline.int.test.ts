import { describe, expect, it } from "vitest";
import { bookings, resources } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeEntry, makeUser } from "@/lib/testing/factories";
import { resourceTimeline, timelineDays } from "./timeline";

const tag = () => crypto.randomUUID().slice(0, 8);

describe("the resources timeline", () => {
  it("reads a week around the last Sunday of October in Warsaw: the 25-hour day's last hour is in, the next Monday's first is not; other kinds and places are not", async () => {
    const db = await testDb();
    const booker = await makeUser(db, { timeZone: "Europe/Warsaw" });
    const location = `Piętro ${tag()}`;
    const [roomA, roomB] = await db
      .insert(resources)
      .values([
        { name: `Sala A ${tag()}`, kind: "room", location },
        { name: `Sala B ${tag()}`, kind: "room", location },
      ])
      .returning();
    const [van] = await db
      .insert(resources)
      .values({ name: `Bus ${tag()}`, kind: "vehicle", location })
      .returning();
    const at = (iso: string, hours: number) => ({ startsAt: new Date(iso), endsAt: new Date(Date.parse(iso) + hours * 3_600_000) });
    await db.insert(bookings).values([
      // Monday 19 October 00:00 in Warsaw is 18 October 22:00Z: the week's first moment.
      { resourceId: roomA!.id, ...at("2026-10-18T22:00Z", 1), purpose: "Pierwsza", bookedById: booker.id },
      { resourceId: roomA!.id, ...at("2026-10-18T21:00Z", 1), purpose: "Przed tygodniem", bookedById: booker.id },
      // Sunday 25 October 23:30 in Warsaw (after the clocks went back: +01:00) is 22:30Z.
      { resourceId: roomB!.id, ...at("2026-10-25T22:30Z", 0.5), purpose: "Ostatnia", bookedById: booker.id },
      // Monday 26 October 00:00 in Warsaw is 25 October 23:00Z: the next week.
      { resourceId: roomB!.id, ...at("2026-10-25T23:00Z", 1), purpose: "Następny tydzień", bookedById: booker.id },
      { resourceId: van!.id, ...at("2026-10-20T08:00Z", 2), purpose: "Inny rodzaj", bookedById: booker.id },
    ]);

    const timeline = await resourceTimeline(db, booker.viewer, { filter: { kind: "room", location }, scale: "week", date: "2026-10-22", firstDay: 1 });

    expect(timeline.days).toEqual(["2026-10-19", "2026-10-20", "2026-10-21", "2026-10-22", "2026-10-23", "2026-10-24", "2026-10-25"]);
    expect(timeline.from.toISOString()).toBe("2026-10-18T22:00:00.000Z");
    expect(timeline.to.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(timeline.resources.map((r) => r.id).sort()).toEqual([roomA!.id, roomB!.id].sort());
    expect(timeline.bookings.map((b) => [b.resourceId, b.purpose])).toEqual([
      [roomA!.id, "Pierwsza"],
      [roomB!.id, "Ostatnia"],
    ]);

    const sunday = await resourceTimeline(db, booker.viewer, { filter: { kind: "room", location }, scale: "day", date: "2026-10-25", firstDay: 1 });
    expect(sunday.to.getTime() - sunday.from.getTime()).toBe(25 * 3_600_000);
    expect(sunday.bookings.map((b) => b.purpose)).toEqual(["Ostatnia"]);
  });

  it("shows a private entry's booking as Busy to a colleague, with no booker, purpose or entry, and in full to its booker", async () => {
    const db = await testDb();
    const [owner, colleague] = [await makeUser(db), await makeUser(db)];
    const location = `Biuro ${tag()}`;
    const [room] = await db
      .insert(resources)
      .values({ name: `Sala ${tag()}`, kind: "room", location })
      .returning();
    const secret = await makeEntry(db, owner.id, {
      title: "Tajne",
      visibility: "private",
      startsAt: new Date("2027-03-02T09:00Z"),
      endsAt: new Date("2027-03-02T10:00Z"),
    });
    await db.insert(bookings).values([
      {
        resourceId: room!.id,
        startsAt: new Date("2027-03-02T09:00Z"),
        endsAt: new Date("2027-03-02T10:00Z"),
        purpose: "Rozmowa o zwolnieniu",
        bookedById: owner.id,
        entryId: secret.id,
      },
      { resourceId: room!.id, startsAt: new Date("2027-03-02T11:00Z"), endsAt: new Date("2027-03-02T12:00Z"), purpose: "Szkolenie", bookedById: owner.id },
    ]);
    const options = { filter: { location }, scale: "week", date: "2027-03-02", firstDay: 1 } as const;

    const seen = await resourceTimeline(db, colleague.viewer, options);
    expect(seen.bookings).toHaveLength(2);
    expect(seen.bookings[0]).toMatchObject({ resourceId: room!.id, busy: true, bookedBy: null, purpose: null, entryId: null, canChange: false });
    expect(JSON.stringify(seen)).not.toContain("zwolnieniu");
    expect(seen.bookings[1]).toMatchObject({ busy: false, bookedBy: owner.name, purpose: "Szkolenie", canChange: false });

    const own = await resourceTimeline(db, owner.viewer, options);
    expect(own.bookings[0]).toMatchObject({ busy: false, bookedBy: owner.name, purpose: "Rozmowa o zwolnieniu", entryId: secret.id, canChange: true });
  });

  it("starts a week on the reader's first day", () => {
    expect(timelineDays("week", "2026-10-25", 1)[0]).toBe("2026-10-19");
    expect(timelineDays("week", "2026-10-25", 0)[0]).toBe("2026-10-25");
    expect(timelineDays("day", "2026-10-25", 1)).toEqual(["2026-10-25"]);
  });
});
