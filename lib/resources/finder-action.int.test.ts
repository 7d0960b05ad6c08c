import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarEntries, calendars, resourceDepartments, resources } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { findFreeSlotsAction } from "./finder-action";

async function counts() {
  const db = await testDb();
  const [row] = await db
    .execute<{ entries: number; bookings: number }>(
      sql`SELECT (SELECT count(*)::int FROM calendar_entries) AS entries, (SELECT count(*)::int FROM bookings) AS bookings`,
    )
    .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { entries: number; bookings: number }[] }).rows));
  return row;
}

describe("findFreeSlotsAction", () => {
  it("answers a signed-in colleague with slots only, refuses a signed-out visitor and a second user asking about another department's room, and changes nothing", async () => {
    const db = await testDb();
    const sales = await makeDepartment(db);
    const seller = await makeUser(db, { departmentId: sales.id });
    const outsider = await makeUser(db);
    const anna = await makeUser(db);
    const [room] = await db
      .insert(resources)
      .values({ name: `Sala ${randomUUID().slice(0, 8)}`, kind: "room", departmentsOnly: true })
      .returning();
    await db.insert(resourceDepartments).values({ resourceId: room!.id, departmentId: sales.id });
    const [calendar] = await db.insert(calendars).values({ userId: anna.id }).returning();
    await db.insert(calendarEntries).values({
      calendarId: calendar!.id,
      title: "Wizyta u lekarza",
      visibility: "private",
      startsAt: new Date("2027-03-01T09:00Z"),
      endsAt: new Date("2027-03-01T10:00Z"),
    });
    const request = {
      people: [anna.id],
      resources: [room!.id],
      durationMinutes: 60,
      from: "2027-03-01T09:00:00+01:00",
      to: "2027-03-01T12:00:00+01:00",
    };
    const before = await counts();

    actAs(null);
    expect(await findFreeSlotsAction(request)).toMatchObject({ ok: false, code: "unauthenticated" });

    actAs(outsider.viewer);
    const refused = await findFreeSlotsAction(request);
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect(JSON.stringify(refused)).not.toContain("lekarza");

    actAs(seller.viewer);
    const found = await findFreeSlotsAction(request);
    // 08:00Z–11:00Z asked, anna's private hour 09:00Z–10:00Z is busy.
    expect(found).toEqual({
      ok: true,
      data: [
        { start: "2027-03-01T08:00:00.000Z", end: "2027-03-01T09:00:00.000Z" },
        { start: "2027-03-01T10:00:00.000Z", end: "2027-03-01T11:00:00.000Z" },
      ],
    });
    expect(JSON.stringify(found)).not.toContain("lekarza");

    // Bad input: a clear message, nothing asked of the database.
    const tooShort = await findFreeSlotsAction({ ...request, durationMinutes: 2 });
    expect(tooShort).toMatchObject({ ok: false, code: "invalid", error: "The meeting must last from 5 minutes to 12 hours." });
    expect(await findFreeSlotsAction({ ...request, from: "yesterday" })).toMatchObject({ ok: false, code: "invalid" });

    expect(await counts()).toEqual(before);
  });
});
