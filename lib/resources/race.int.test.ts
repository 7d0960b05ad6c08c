import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, type Db, type DbHandle } from "@/db";
import { bookings, resources } from "@/db/schema";
import { Conflict, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { now } from "@/lib/time/clock";
import { runUnit } from "@/lib/effects/unit";
import { testDatabaseUrl, testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { wallClockToInstant } from "@/lib/time/zoned";
import { cancelBooking, changeBooking } from "./booking-changes";
import { bookResource, overlappingLiveBookings, requestBooking } from "./commands";

/** A small seeded generator (mulberry32): the same seed plays the same operations, so a failure reproduces. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const SEED = Number(process.env.RACE_SEED ?? 20270302);
const OPERATIONS = 160;
const WAVE = 16;
const DAY = "2027-03-02";

type Op =
  | { kind: "book"; who: number; resource: number; start: string; end: string }
  | { kind: "change"; who: number; target: number; start: string; end: string }
  | { kind: "cancel"; who: number; target: number };

/** Half-hour steps over a working day, few enough that attempts collide often. */
function randomRange(r: ReturnType<typeof rng>): { start: string; end: string } {
  const startStep = r.int(16); // 08:00 .. 15:30
  const length = 1 + r.int(4); // 30 .. 120 minutes
  const clock = (step: number) => `${String(8 + Math.floor(step / 2)).padStart(2, "0")}:${step % 2 ? "30" : "00"}`;
  return { start: `${DAY}T${clock(startStep)}`, end: `${DAY}T${clock(startStep + length)}` };
}

/**
 * The operations: bookings of three resources by four people, then changes and cancellations of
 * bookings made earlier in the list (each by its own booker). A target that was refused or is
 * already cancelled when its turn comes is a NotFound, as it is for a person.
 */
function plan(seed: number): Op[] {
  const r = rng(seed);
  const ops: Op[] = [];
  const bookers: number[] = [];
  for (let i = 0; i < OPERATIONS; i++) {
    const roll = r.next();
    const booked = ops.map((op, at) => ({ op, at })).filter(({ op }) => op.kind === "book");
    if (roll < 0.55 || booked.length === 0) {
      const who = r.int(4);
      ops.push({ kind: "book", who, resource: r.int(3), ...randomRange(r) });
      bookers.push(who);
    } else {
      const { op, at } = r.pick(booked);
      if (roll < 0.85) ops.push({ kind: "change", who: op.who, target: at, ...randomRange(r) });
      else ops.push({ kind: "cancel", who: op.who, target: at });
    }
  }
  return ops;
}

type Outcome = "ok" | "conflict" | "gone";

interface World {
  db: Db;
  people: Viewer[];
  resourceIds: string[];
  /** The booking id each "book" operation made (null when refused), by its index; pending while it runs. */
  made: Map<number, Promise<string | null>>;
}

async function play(world: World, ops: Op[], index: number): Promise<Outcome> {
  const op = ops[index]!;
  const viewer = world.people[op.who]!;
  const purpose = `Race ${SEED}/${index}`;
  try {
    if (op.kind === "book") {
      const attempt = runUnit(world.db, viewer, (work) =>
        bookResource(work, { resourceId: world.resourceIds[op.resource]!, start: op.start, end: op.end, purpose }),
      );
      world.made.set(
        index,
        attempt.then(
          (made) => made.id,
          () => null,
        ),
      );
      await attempt;
    } else {
      const id = await world.made.get(op.target);
      if (!id) return "gone";
      if (op.kind === "change") await runUnit(world.db, viewer, (work) => changeBooking(work, { id, start: op.start, end: op.end, purpose }));
      else await runUnit(world.db, viewer, (work) => cancelBooking(work, { id }));
    }
    return "ok";
  } catch (error) {
    if (error instanceof Conflict && op.kind !== "cancel") return "conflict";
    if (error instanceof NotFound && op.kind !== "book" && error.message === "resources.errors.bookingNotFound") return "gone";
    throw new Error(`seed ${SEED}, operation ${index} (${JSON.stringify(op)}) failed with something else than a conflict`, { cause: error });
  }
}

async function liveBookings(db: Db, resourceIds: string[]) {
  const rows = await Promise.all(
    resourceIds.map((id) =>
      db
        .select({ id: bookings.id, resourceId: bookings.resourceId, start: bookings.startsAt, end: bookings.endsAt })
        .from(bookings)
        .where(and(eq(bookings.resourceId, id), isNull(bookings.cancelledAt)))
        .orderBy(bookings.startsAt),
    ),
  );
  return rows;
}

async function world(db: Db): Promise<World> {
  const setup = await testDb();
  const people = await Promise.all([0, 1, 2, 3].map(() => makeUser(setup)));
  const made = await setup
    .insert(resources)
    .values([0, 1, 2].map((i) => ({ name: `Race ${i} ${randomUUID().slice(0, 8)}`, kind: "room" as const, location: `Race ${SEED}` })))
    .returning({ id: resources.id });
  return { db, people: people.map((p) => p.viewer), resourceIds: made.map((m) => m.id), made: new Map() };
}

let pool: DbHandle | undefined;
afterAll(async () => {
  await pool?.close();
});

describe(`racing bookings, changes and cancellations (seed ${SEED})`, () => {
  it("never leaves two live bookings of one resource overlapping, and refuses every loser with a conflict", async () => {
    const url = testDatabaseUrl();
    // Postgres: a pool of its own, so each wave's transactions truly run at once on separate connections.
    // PGlite has one connection: the operations run one after another, in the plan's interleaved order.
    if (url) pool = await openDb({ url, max: WAVE });
    const w = await world(pool?.db ?? (await testDb()));
    const ops = plan(SEED);
    const outcomes: Outcome[] = [];
    if (pool) {
      for (let i = 0; i < ops.length; i += WAVE) {
        const wave = ops.slice(i, i + WAVE).map((_, k) => i + k);
        // An operation on a booking made in the same wave waits for it: the rest race.
        const results = await Promise.all(wave.map((index) => play(w, ops, index)));
        results.forEach((o, k) => (outcomes[wave[k]!] = o));
      }
    } else {
      for (let i = 0; i < ops.length; i++) outcomes[i] = await play(w, ops, i);
    }

    const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
    expect(count("ok") + count("conflict") + count("gone")).toBe(ops.length);
    expect(count("ok"), `seed ${SEED}`).toBeGreaterThan(10);
    expect(count("conflict"), `seed ${SEED}: the plan must collide to test anything`).toBeGreaterThan(10);

    const db = await testDb();
    expect(await overlappingLiveBookings(db)).toBe(0);
    // The same, read back and checked here: each resource's live bookings, in order, never overlap.
    for (const rows of await liveBookings(db, w.resourceIds)) {
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.start.getTime(), `seed ${SEED}`).toBeGreaterThanOrEqual(rows[i - 1]!.end.getTime());
    }

    if (!pool) {
      // One after another, the outcome of each attempt is known: replay the plan on a model and compare.
      const model = new Map<number, { resource: number; start: number; end: number; live: boolean }>();
      const instant = (wall: string) => wallClockToInstant(wall, w.people[0]!.timeZone)!.getTime();
      const clashes = (resource: number, start: number, end: number, except?: number) =>
        [...model].some(([at, b]) => at !== except && b.live && b.resource === resource && b.start < end && start < b.end);
      ops.forEach((op, i) => {
        let expected: Outcome;
        if (op.kind === "book") {
          const [start, end] = [instant(op.start), instant(op.end)];
          expected = clashes(op.resource, start, end) ? "conflict" : "ok";
          if (expected === "ok") model.set(i, { resource: op.resource, start, end, live: true });
        } else {
          const target = model.get(op.target);
          if (!target?.live) expected = "gone";
          else if (op.kind === "cancel") {
            target.live = false;
            expected = "ok";
          } else {
            const [start, end] = [instant(op.start), instant(op.end)];
            expected = clashes(target.resource, start, end, op.target) ? "conflict" : "ok";
            if (expected === "ok") Object.assign(target, { start, end });
          }
        }
        expect(outcomes[i], `seed ${SEED}, operation ${i}: ${JSON.stringify(op)}`).toBe(expected);
      });
    }
  }, 120_000);
});

/** Deadlocks Postgres has detected in this worker's database so far. */
async function deadlocks(db: Db): Promise<number> {
  const result = await db.execute(sql`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}

describe.skipIf(!testDatabaseUrl())("many people booking one room for the same hour at the same moment", () => {
  it("books it once, refuses everyone else naming the winner, and the losers never deadlock on each other", async () => {
    const racers = 24;
    const own = await openDb({ url: testDatabaseUrl()!, max: racers });
    try {
      const setup = await testDb();
      const people = await Promise.all(Array.from({ length: racers }, () => makeUser(setup)));
      const [room] = await setup
        .insert(resources)
        .values({ name: `Rush ${randomUUID().slice(0, 8)}`, kind: "room", location: "Rush" })
        .returning({ id: resources.id });
      const before = await deadlocks(setup);
      const input = { resourceId: room!.id, start: "2027-03-03T10:00", end: "2027-03-03T11:00", purpose: "Rush" };
      // Half through the action's path (requestBooking: a look before any transaction), half straight into a unit.
      const outcomes = await Promise.allSettled(
        people.map((p, i) => (i % 2 ? requestBooking(own.db, p.viewer, input, now()) : runUnit(own.db, p.viewer, (work) => bookResource(work, input)))),
      );
      const won = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [people[i]!] : []));
      expect(won).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === "rejected") {
          expect(o.reason).toBeInstanceOf(Conflict);
          expect((o.reason as Conflict).params).toMatchObject({ bookedBy: won[0]!.viewer.name });
        }
      }
      // A deadlock counts once its backend reports its statistics (within a second of going idle).
      const deadline = Date.now() + 2_500;
      let detected = 0;
      while (Date.now() < deadline && detected === 0) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        await setup.execute(sql`SELECT pg_stat_clear_snapshot()`);
        detected = (await deadlocks(setup)) - before;
      }
      expect(detected).toBe(0);
    } finally {
      await own.close();
    }
  }, 60_000);
});
