/**
 * `npm run bench -- booking-race [--attempts 200] [--connections N] [--users 200] [--entries 200000] [--warmups 3]`
 *
 * Two figures of resource booking (issue 13):
 * - the race: `attempts` people book the same room for the same hour at the same moment, each
 *   through the real booking command (requestBooking, what the "Book" action runs), all 200 in
 *   flight at once on a pool opened for the race the way the app opens its own (db/index.ts:
 *   openDb, its default `max`), so they race in the database as a burst on one app instance
 *   would. Prints how many succeeded, how many got the domain's Conflict, how many got anything
 *   else, the overlapping live bookings the SQL self-join finds afterwards, and p50/p99 of the
 *   attempts' latency (from the moment each is started, so waiting for a pooled connection
 *   counts). Goal: 1, attempts − 1, 0, 0, p99 under 300 ms. The race is timed after `--warmups`
 *   races of the same people on rooms of their own, in the same process and pool (as an app that
 *   serves bookings is: its code compiled, its statements prepared on its connections); the first
 *   race of the fresh process is printed too (`cold_p50_ms`, `cold_p99_ms`). `--connections N`
 *   races on a pool of N instead (at most what the server has free), to see how the figures scale.
 * - the finder: findFreeSlots for 8 people and 2 booked resources over the next two weeks in a
 *   database of 200,000 calendar entries (the scale seeds), against the same SQL statement run
 *   bare through the driver (same rows, checked), with their ratio; and with working hours only.
 *
 * On PGlite (no DATABASE_URL) there is one connection: the attempts run at once but the engine
 * serializes them.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { openDb, type Db, type DbHandle } from "../db";
import { seedScaleCalendar } from "../db/seed/scale-calendar";
import { seedScale } from "../db/seed/scale";
import { bookings, resources } from "../db/schema";
import { Conflict } from "../lib/action/errors";
import { loadViewer, type Viewer } from "../lib/auth/viewer";
import { overlappingLiveBookings, requestBooking } from "../lib/resources/commands";
import { FINDER_LIMITS, findFreeSlots, finderQuery } from "../lib/resources/finder";
import { addCalendarDays, instantToWallClock, localDateOf, wallClockToInstant } from "../lib/time/zoned";
import { numberArg, type BenchContext } from "./context";
import { measure, round } from "./measure";

type Row = Record<string, unknown>;
interface PostgresClient {
  unsafe: (query: string, params: unknown[], options?: { prepare?: boolean }) => Promise<Row[]>;
}
interface PgliteClient {
  query: (query: string, params: unknown[]) => Promise<{ rows: Row[] }>;
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []));
const DAY = 86_400_000;

function percentile(sorted: number[], q: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
}

/** Connections the server can still give this bench, keeping ten for everyone else. */
async function freeConnections(db: Db): Promise<number> {
  const [row] = rowsOf<{ free: number }>(
    await db.execute(sql`SELECT (current_setting('max_connections')::int - (SELECT count(*)::int FROM pg_stat_activity) - 10) AS free`),
  );
  return Math.max(1, Number(row?.free ?? 1));
}

/** Deadlocks the server has detected in this database so far (Postgres; 0 on PGlite, which has one connection). */
async function deadlocks(handle: DbHandle): Promise<number> {
  if (handle.kind !== "postgres") return 0;
  const [row] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`));
  return Number(row?.n ?? 0);
}

/** The `max` the postgres.js pool was opened with: the app's default unless the bench asked for another. */
function poolSize(db: Db): number {
  const options = (db as unknown as { $client?: { options?: { max?: number } } }).$client?.options;
  return Number(options?.max ?? 1);
}

type Outcome = { ms: number; outcome: "success" | "conflict" | "error"; error?: unknown };

/** Everyone books `roomId` for the hour from `at` at once; each attempt's outcome and latency from its start. */
async function raceOnce(db: Db, viewers: Viewer[], roomId: string, at: Date, now: Date): Promise<Outcome[]> {
  const end = new Date(at.getTime() + 60 * 60_000);
  const outcomes: Outcome[] = [];
  await Promise.all(
    viewers.map(async (viewer) => {
      // The same instants, typed as each person's own wall clock.
      const input = {
        resourceId: roomId,
        start: instantToWallClock(at, viewer.timeZone),
        end: instantToWallClock(end, viewer.timeZone),
        purpose: "Prezentacja",
      };
      const started = process.hrtime.bigint();
      try {
        await requestBooking(db, viewer, input, now);
        outcomes.push({ ms: Number(process.hrtime.bigint() - started) / 1e6, outcome: "success" });
      } catch (error) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        outcomes.push(error instanceof Conflict ? { ms, outcome: "conflict" } : { ms, outcome: "error", error });
      }
    }),
  );
  return outcomes;
}

function summary(outcomes: Outcome[]) {
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    successes: outcomes.filter((o) => o.outcome === "success").length,
    conflicts: outcomes.filter((o) => o.outcome === "conflict").length,
    errors: outcomes.filter((o) => o.outcome === "error").length,
    p50_ms: percentile(times, 0.5),
    p99_ms: percentile(times, 0.99),
  };
}

/**
 * The race on `roomId`, after `warmups` races of the same people on rooms of their own (another location, so they
 * are not offered as alternatives): an app instance that serves bookings has its code compiled by the JIT and its
 * statements prepared on its connections; the first race of a fresh process measures that instead, and is printed
 * beside as `cold_*`.
 */
async function race(ctx: BenchContext, viewers: Viewer[], roomId: string, warmupRooms: string[], at: Date, now: Date) {
  const { handle, log } = ctx;
  const url = process.env.DATABASE_URL;
  let pool: DbHandle | undefined;
  let connections = 1;
  if (handle.kind === "postgres" && url) {
    const asked = !ctx.args.includes("--connections") ? undefined : Math.min(numberArg(ctx.args, "connections", 10), await freeConnections(handle.db));
    pool = await openDb({ url, max: asked });
    connections = poolSize(pool.db);
    // Open every connection before the start, so the race measures booking, not connecting.
    await Promise.all(Array.from({ length: connections }, () => pool!.db.execute(sql`SELECT pg_sleep(0.05)`)));
  }
  const db = pool?.db ?? handle.db;
  try {
    const cold = summary(await raceOnce(db, viewers, warmupRooms[0]!, at, now));
    for (const room of warmupRooms.slice(1)) await raceOnce(db, viewers, room, at, now);
    // The seeding's writes flushed first, so the race does not share the disk with a checkpoint they set off.
    if (handle.kind === "postgres") await handle.db.execute(sql`CHECKPOINT`);
    const deadlocksBefore = await deadlocks(handle);
    const outcomes = await raceOnce(db, viewers, roomId, at, now);
    const deadlocked = (await deadlocks(handle)) - deadlocksBefore;
    for (const e of outcomes.filter((o) => o.outcome === "error").slice(0, 3)) log(`error: ${e.error instanceof Error ? e.error.message : String(e.error)}`);
    return { connections, deadlocks: deadlocked, ...summary(outcomes), cold };
  } finally {
    await pool?.close();
  }
}

export default async function bookingRace(ctx: BenchContext) {
  const { handle, log, args } = ctx;
  const db = handle.db;
  const attempts = numberArg(args, "attempts", 200);
  const options = { users: Math.max(numberArg(args, "users", 200), attempts), entries: numberArg(args, "entries", 200_000) };
  const now = new Date();

  let started = Date.now();
  const scale = await seedScale(db, { users: options.users, tasks: 0, clients: 10, cases: 10, now });
  const cal = await seedScaleCalendar(db, { entries: options.entries, now, emailPattern: `scale-${scale.tag}-%` });
  await db.execute(sql`VACUUM ANALYZE calendar_entries`);
  await db.execute(sql`VACUUM ANALYZE calendar_entry_attendees`);
  const userIds = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM users WHERE email LIKE ${`scale-${scale.tag}-%`} ORDER BY email`)).map(
    (r) => r.id,
  );
  const tag = randomUUID().slice(0, 6);
  const [room, projector, van] = await db
    .insert(resources)
    .values([
      { name: `Sala Kopernik ${tag}`, kind: "room" as const, location: "Bench" },
      { name: `Rzutnik ${tag}`, kind: "device" as const, location: "Bench" },
      { name: `Bus serwisowy ${tag}`, kind: "vehicle" as const, location: "Bench" },
    ])
    .returning({ id: resources.id });
  log(`seeded ${JSON.stringify({ ...scale.counts, ...cal })} in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.kind})`);

  // The race: tomorrow week at 10:00 Warsaw time, everyone at once.
  const viewers = (await Promise.all(userIds.slice(0, attempts).map((id) => loadViewer(db, id)))).filter((v): v is Viewer => v !== null);
  const raceDay = addCalendarDays(localDateOf(now, "Europe/Warsaw"), 8);
  const at = wallClockToInstant(`${raceDay}T10:00`, "Europe/Warsaw")!;
  started = Date.now();
  const warmups = numberArg(args, "warmups", 3);
  const warmupRooms = (
    await db
      .insert(resources)
      .values(
        Array.from({ length: Math.max(1, warmups) }, (_, i) => ({
          name: `Sala rozgrzewkowa ${i + 1} ${tag}`,
          kind: "room" as const,
          location: "Bench warm-up",
        })),
      )
      .returning({ id: resources.id })
  ).map((r) => r.id);
  const raced = await race(ctx, viewers, room!.id, warmupRooms, at, now);
  const overlaps = await overlappingLiveBookings(db);
  log(
    `race: ${viewers.length} attempts at once on a pool of ${raced.connections} connection(s)${!args.includes("--connections") ? " (the app's own pool size)" : ""}: ${raced.successes} booked, ${raced.conflicts} conflicts, ${raced.errors} errors, ${overlaps} overlaps, ${raced.deadlocks} deadlocks detected; p50 ${raced.p50_ms} ms, p99 ${raced.p99_ms} ms after ${warmupRooms.length} warm-up race(s) on other rooms; the first race of the process: p50 ${raced.cold.p50_ms} ms, p99 ${raced.cold.p99_ms} ms (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  // The finder: the two devices booked a few times a day by others over the next two weeks.
  await db.execute(sql`
    INSERT INTO ${bookings} (resource_id, starts_at, ends_at, purpose, booked_by_id)
    SELECT r.id, s, s + interval '90 minutes', 'Demo', ${userIds[0]!}::uuid
    FROM unnest(${`{${projector!.id},${van!.id}}`}::uuid[]) WITH ORDINALITY AS r(id, k),
      generate_series(date_trunc('hour', ${now.toISOString()}::timestamptz) + interval '1 hour', ${now.toISOString()}::timestamptz + interval '14 days', interval '7 hours') s
    WHERE extract(hour FROM s) % 2 = k % 2`);
  const organiser = viewers[1] ?? viewers[0]!;
  const people = userIds.slice(1, 9);
  const request = { people, resources: [projector!.id, van!.id], durationMinutes: 60, limit: FINDER_LIMITS.defaultSlots };
  const from = now;
  const to = new Date(now.getTime() + FINDER_LIMITS.defaultWindowDays * DAY);

  const { sql: text, params } = new PgDialect().sqlToQuery(
    finderQuery({
      people,
      resources: request.resources,
      from,
      to,
      open: `{[${from.toISOString()},${to.toISOString()})}`,
      durationMinutes: 60,
      limit: request.limit,
      stepMinutes: FINDER_LIMITS.stepMinutes,
    }),
  );
  const client = (db as unknown as { $client: PostgresClient | PgliteClient }).$client;
  const bare = async (): Promise<Row[]> =>
    handle.kind === "postgres" ? (client as PostgresClient).unsafe(text, params, { prepare: true }) : (await (client as PgliteClient).query(text, params)).rows;

  const path = () => findFreeSlots(db, organiser, { ...request, from, to }, now);
  const [slots, bareRows] = await Promise.all([path(), bare()]);
  const iso = (v: unknown) => new Date(v as string).toISOString();
  if (slots.map((s) => s.start).join() !== bareRows.map((r) => iso(r.start_at)).join()) throw new Error("the finder and the bare SQL propose different slots");
  const busyRows = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id
      WHERE c.user_id = ANY(${`{${people.join(",")}}`}::uuid[]) AND e.cancelled_at IS NULL
        AND ((NOT e.all_day AND e.starts_at < ${to.toISOString()}::timestamptz AND e.ends_at > ${from.toISOString()}::timestamptz) OR (e.all_day AND e.end_date >= ${localDateOf(from, "UTC")}::date AND e.start_date <= ${localDateOf(to, "UTC")}::date))`),
  )[0]!.n;
  log(`finder: 8 people (${busyRows} own entries in the window), 2 resources, two weeks: first slots ${slots.map((s) => s.start).join(", ")}`);

  started = Date.now();
  const finder = await measure(path, { iterations: 200, warmup: 20 });
  const baseline = await measure(bare, { iterations: 200, warmup: 20 });
  const working = await measure(() => findFreeSlots(db, organiser, { ...request, from, to, workingHoursOnly: true }, now), { iterations: 200, warmup: 20 });
  const ratio = round(finder.p50 / baseline.p50, 2);
  log(`finder data path      p50 ${finder.p50} ms  p95 ${finder.p95} ms  p99 ${finder.p99} ms`);
  log(`bare SQL (same rows)  p50 ${baseline.p50} ms  p95 ${baseline.p95} ms`);
  log(`working hours only    p50 ${working.p50} ms  p95 ${working.p95} ms`);
  log(`ratio ${ratio} (goal: finder p50 under 50 ms; ${((Date.now() - started) / 1000).toFixed(1)} s measuring)`);

  return {
    attempts: viewers.length,
    connections: raced.connections,
    successes: raced.successes,
    conflicts: raced.conflicts,
    errors: raced.errors,
    overlaps,
    deadlocks: raced.deadlocks,
    p50_ms: raced.p50_ms,
    p99_ms: raced.p99_ms,
    cold_p50_ms: raced.cold.p50_ms,
    cold_p99_ms: raced.cold.p99_ms,
    warmup_races: warmupRooms.length,
    finder_p50_ms: finder.p50,
    finder_p95_ms: finder.p95,
    finder_ratio: ratio,
    finder_bare_p50_ms: baseline.p50,
    finder_working_hours_p50_ms: working.p50,
    entries_in_db: cal.entries,
    finder_people_entries: busyRows,
  };
}
