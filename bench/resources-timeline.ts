/**
 * `npm run bench -- resources-timeline [--resources 50] [--bookings 100000]`
 *
 * Fifty rooms, devices and vans side by side for a week, in a database of 100,000 bookings (a
 * seventh of them part of a calendar entry, a third of those private). Measures the data path the
 * timeline page uses (resourceTimeline: the resources the filter picks, then one query for every
 * lane's bookings, private ones masked in it) against the same two statements run bare through the
 * driver (the resources of the location, and the data path's own bookings statement, built by
 * bookingsOfResourcesSql), checks both answer the same rows, and reports p50 and their ratio: what
 * the data path adds to its SQL (building the statement, reading the rows, masking them).
 */
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { loadViewer } from "../lib/auth/viewer";
import { bookingsOfResourcesSql } from "../lib/resources/queries";
import { resourceTimeline } from "../lib/resources/timeline";
import { localDateOf } from "../lib/time/zoned";
import { numberArg, type BenchContext } from "./context";
import { measure, round } from "./measure";

/** The same rows and columns as bookableResources reads for a location. */
const RESOURCES_SQL = `SELECT * FROM resources WHERE retired_at IS NULL AND location = $1 ORDER BY lower(name)`;

type Row = Record<string, unknown>;
interface PostgresClient {
  unsafe: (query: string, params: unknown[], options?: { prepare?: boolean }) => Promise<Row[]>;
}
interface PgliteClient {
  query: (query: string, params: unknown[]) => Promise<{ rows: Row[] }>;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

export default async function resourcesTimeline(ctx: BenchContext) {
  const { handle, log, args } = ctx;
  const db = handle.db;
  const count = numberArg(args, "resources", 50);
  const total = numberArg(args, "bookings", 100_000);
  const perResource = Math.ceil(total / count);
  const tag = Date.now().toString(36);
  const location = `Bench ${tag}`;
  const now = new Date();

  let started = Date.now();
  // Twenty bookers, each with a calendar for the entries some bookings belong to.
  await db.execute(sql`
    INSERT INTO users (email, name) SELECT 'bench-res-' || ${tag} || '-' || i || '@bench.example', 'Bench Booker ' || ${tag} || ' ' || i FROM generate_series(1, 20) i`);
  await db.execute(sql`INSERT INTO calendars (user_id) SELECT id FROM users WHERE email LIKE ${`bench-res-${tag}-%`}`);
  await db.execute(sql`
    INSERT INTO resources (name, kind, location)
    SELECT 'Bench ' || ${tag} || ' ' || i, (ARRAY['room','device','vehicle','demo_product','conference_kit'])[1 + i % 5]::resource_kind, ${location}
    FROM generate_series(1, ${count}::int) i`);
  // Per resource 1 to 4 hours every 7 hours, never overlapping, half of them before now and half after.
  await db.execute(sql`
    INSERT INTO bookings (resource_id, starts_at, ends_at, purpose, booked_by_id)
    SELECT r.id, s.at, s.at + (1 + (n + r.i) % 4) * interval '1 hour', 'Bench ' || ${tag} || ' ' || n, u.ids[1 + (n + r.i) % cardinality(u.ids)]
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM resources WHERE location = ${location}) r
    CROSS JOIN generate_series(0, ${perResource - 1}::int) n
    CROSS JOIN (SELECT array_agg(id) AS ids FROM users WHERE email LIKE ${`bench-res-${tag}-%`}) u
    CROSS JOIN LATERAL (SELECT date_trunc('hour', ${now.toISOString()}::timestamptz) - ${Math.round(perResource * 3.5)}::int * interval '1 hour' + (n + r.i) * interval '7 hours' AS at) s`);
  await db.execute(sql`
    WITH b AS MATERIALIZED (
      SELECT b.id, gen_random_uuid() AS entry_id, b.starts_at, b.ends_at, b.purpose, c.id AS calendar_id, (hashtext(b.id::text) & 3) = 0 AS private
      FROM bookings b JOIN resources r ON r.id = b.resource_id JOIN calendars c ON c.user_id = b.booked_by_id
      WHERE r.location = ${location} AND (hashtext(b.id::text) & 7) = 0
    ), entries AS (
      INSERT INTO calendar_entries (id, calendar_id, title, visibility, starts_at, ends_at)
      SELECT entry_id, calendar_id, purpose, CASE WHEN private THEN 'private' ELSE 'normal' END::entry_visibility, starts_at, ends_at FROM b
      RETURNING id
    )
    UPDATE bookings SET entry_id = b.entry_id FROM b WHERE bookings.id = b.id AND b.entry_id IN (SELECT id FROM entries)`);
  await db.execute(sql`VACUUM ANALYZE bookings`);
  await db.execute(sql`VACUUM ANALYZE calendar_entries`);
  await db.execute(sql`VACUUM ANALYZE resources`);
  const [{ n: bookingsInDb }] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM bookings`)) as [{ n: number }];
  log(
    `seeded ${count} resources, ${count * perResource} bookings in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.kind}); ${bookingsInDb} bookings in the database${bookingsInDb > count * perResource ? " (not a fresh database: figures not comparable)" : ""}`,
  );

  const [booker] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM users WHERE email = ${`bench-res-${tag}-1@bench.example`}`));
  const viewer = await loadViewer(db, booker!.id);
  if (!viewer) throw new Error("the viewer vanished");
  const request = { filter: { location }, scale: "week", date: localDateOf(now, viewer.timeZone), firstDay: 1 } as const;
  const path = () => resourceTimeline(db, viewer, request);

  const client = (db as unknown as { $client: PostgresClient | PgliteClient }).$client;
  const bare = async (query: string, params: unknown[]): Promise<Row[]> =>
    handle.kind === "postgres"
      ? (client as PostgresClient).unsafe(query, params, { prepare: true })
      : (await (client as PgliteClient).query(query, params)).rows;
  const first = await path();
  const ids = first.resources.map((r) => r.id);
  const bareWeek = async () => {
    const lanes = await bare(RESOURCES_SQL, [location]);
    // The data path's own statement (lib/resources/queries.ts), run bare: the ratio is what reading it into lanes costs.
    const statement = new PgDialect().sqlToQuery(
      bookingsOfResourcesSql(
        viewer,
        lanes.map((r) => String(r.id)),
        first.from,
        first.to,
      ),
    );
    const rows = await bare(statement.sql, statement.params);
    return { lanes, rows };
  };

  // Same answer both ways, or the comparison means nothing.
  const { lanes, rows } = await bareWeek();
  const key = (id: unknown, resource: unknown) => `${String(id)}/${String(resource)}`;
  const fromPath = first.bookings.map((b) => key(b.id, b.resourceId)).sort();
  const fromSql = rows.map((r) => key(r.id, r.resource_id)).sort();
  if (fromPath.join() !== fromSql.join() || lanes.length !== ids.length) {
    throw new Error(`the data path and the bare SQL return different rows (${fromPath.length} vs ${fromSql.length})`);
  }
  const masked = first.bookings.filter((b) => b.busy).length;
  log(`viewer: ${viewer.name}, ${ids.length} resources, week ${first.days[0]}..${first.days.at(-1)}: ${first.bookings.length} bookings (${masked} masked)`);

  started = Date.now();
  const timed = await measure(path, { iterations: 200, warmup: 20 });
  const baseline = await measure(bareWeek, { iterations: 200, warmup: 20 });
  const ratio = round(timed.p50 / baseline.p50, 2);
  log(`timeline data path   p50 ${timed.p50} ms  p95 ${timed.p95} ms  p99 ${timed.p99} ms`);
  log(`bare SQL (same rows) p50 ${baseline.p50} ms  p95 ${baseline.p95} ms  p99 ${baseline.p99} ms`);
  log(`ratio ${ratio} (goal: under 2; ${((Date.now() - started) / 1000).toFixed(1)} s measuring)`);

  return {
    timeline_p50_ms: timed.p50,
    timeline_ratio: ratio,
    timeline_p95_ms: timed.p95,
    bare_p50_ms: baseline.p50,
    booking_rows: first.bookings.length,
    masked_rows: masked,
    resources: ids.length,
    bookings_in_db: bookingsInDb,
  };
}
