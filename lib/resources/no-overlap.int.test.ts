import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { bookings, resources } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { sqlStateOf } from "./database-errors";

/** Writes a booking with plain SQL, past every command: only the database stands in the way. */
async function rawBooking(db: Db, resourceId: string, bookedById: string, from: string, to: string) {
  await db.execute(
    sql`INSERT INTO bookings (resource_id, starts_at, ends_at, purpose, booked_by_id) VALUES (${resourceId}, ${from}::timestamptz, ${to}::timestamptz, 'Spotkanie', ${bookedById})`,
  );
}

async function refusal(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
  } catch (error) {
    return sqlStateOf(error);
  }
  return "accepted";
}

async function roomAndPerson() {
  const db = await testDb();
  const person = await makeUser(db);
  const [room] = await db
    .insert(resources)
    .values({ name: `Sala ${crypto.randomUUID().slice(0, 8)}`, kind: "room" })
    .returning();
  return { db, person, room: room! };
}

describe("the bookings' exclusion constraint", () => {
  it("lets back-to-back bookings stand: ranges are half-open", async () => {
    const { db, person, room } = await roomAndPerson();
    await rawBooking(db, room.id, person.id, "2027-03-01T10:00Z", "2027-03-01T11:00Z");
    await rawBooking(db, room.id, person.id, "2027-03-01T11:00Z", "2027-03-01T12:00Z");
    const rows = await db
      .select({ during: bookings.during })
      .from(bookings)
      .where(sql`${bookings.resourceId} = ${room.id}`);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.during.startsWith("[") && r.during.endsWith(")"))).toBe(true);
  });

  it("refuses an overlap written with raw SQL (SQLSTATE 23P01), but not on another resource or over a cancelled booking", async () => {
    const { db, person, room } = await roomAndPerson();
    const [other] = await db
      .insert(resources)
      .values({ name: `Rzutnik ${crypto.randomUUID().slice(0, 8)}`, kind: "device" })
      .returning();
    await rawBooking(db, room.id, person.id, "2027-03-01T10:00Z", "2027-03-01T11:00Z");

    expect(await refusal(rawBooking(db, room.id, person.id, "2027-03-01T10:30Z", "2027-03-01T11:30Z"))).toBe("23P01");
    expect(await refusal(rawBooking(db, room.id, person.id, "2027-03-01T09:00Z", "2027-03-01T13:00Z"))).toBe("23P01");
    expect(await refusal(rawBooking(db, other!.id, person.id, "2027-03-01T10:30Z", "2027-03-01T11:30Z"))).toBe("accepted");

    await db.execute(sql`UPDATE bookings SET cancelled_at = now() WHERE resource_id = ${room.id}`);
    expect(await refusal(rawBooking(db, room.id, person.id, "2027-03-01T10:30Z", "2027-03-01T11:30Z"))).toBe("accepted");
    // Restoring the cancelled booking now overlaps the new one: refused too.
    expect(await refusal(db.execute(sql`UPDATE bookings SET cancelled_at = NULL WHERE resource_id = ${room.id} AND starts_at = '2027-03-01T10:00Z'`))).toBe(
      "23P01",
    );
  });

  it("refuses a booking that ends before it starts", async () => {
    const { db, person, room } = await roomAndPerson();
    expect(await refusal(rawBooking(db, room.id, person.id, "2027-03-01T11:00Z", "2027-03-01T10:00Z"))).toMatch(/^(23514|22000)$/);
  });
});
