/**
 * `npm run bench -- calendar-week [--users 200] [--entries 200000] [--series 5000] [--tasks 20000] [--url http://127.0.0.1:3000] [--path "/calendar/people?view=week"] [--requests 40]`
 *
 * A department head looks at the week of the 50 people under them in a database of 200,000
 * calendar entries (15 % private, a fifth with colleagues invited, 5,000 of them recurring series). Measures the data
 * path the page uses (calendarWindow: one query for the single entries of every lane and one for the series, private
 * details masked in them, series expanded over the week, plus the due tasks) against bare SQL returning the same rows
 * (entries, the series reaching the week, due tasks, the lanes' names) through the driver with the same series expanded
 * by the same function (lib/calendar/recurrence: rrule-temporal behind a cache of compiled rules and expanded
 * stretches), checks both answer the same, and reports p50 and their ratio; then both again with the caches emptied
 * before every request (a week nobody has looked at since the process started: cold_p50_ms, cold_ratio). With --url (a production server running on
 * the same database), it also signs in as the head, times the whole team-week page and weighs the
 * first-load JavaScript of the calendar pages.
 */
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { calendarPeopleChoices } from "../db/schema";
import { seedScaleCalendar } from "../db/seed/scale-calendar";
import { seedScale } from "../db/seed/scale";
import { loadViewer } from "../lib/auth/viewer";
import { clearRecurrenceCaches } from "../lib/calendar/recurrence";
import { occurrencesOfRow, type RawSeriesColumns } from "../lib/calendar/series-rows";
import { calendarWindow } from "../lib/calendar/window";
import { addCalendarDays, isoWeekdayOf } from "../lib/time/calendar-date";
import { localDateOf, startOfLocalDay } from "../lib/time/zoned";
import { numberArg, type BenchContext } from "./context";
import { firstLoadScripts, signIn, stringArg } from "./http-session";
import { measure, round } from "./measure";

const PASSWORD = "Baton-scale-2026";

// The window query written by hand: the same rows, masked the same way.
const TIMED = `NOT e.all_day AND e.cancelled_at IS NULL AND e.ends_at > $3 AND e.recurrence_rule IS NULL`;
const ALL_DAY = `e.all_day AND e.cancelled_at IS NULL AND e.end_date > $5::date`;
const ENTRIES_SQL = `
  WITH rows AS (
    SELECT e.id, c.user_id AS person_id, c.user_id AS owner_id, NULL::attendee_response AS response, e.visibility, e.all_day,
           e.starts_at, e.ends_at, e.start_date, e.end_date, e.title, e.location
    FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id
    WHERE c.user_id = ANY($1::uuid[]) AND e.starts_at >= $3::timestamptz - interval '14 days' AND e.starts_at < $4 AND ${TIMED}
    UNION ALL
    SELECT e.id, c.user_id, c.user_id, NULL::attendee_response, e.visibility, e.all_day, e.starts_at, e.ends_at, e.start_date, e.end_date, e.title, e.location
    FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id
    WHERE c.user_id = ANY($1::uuid[]) AND e.start_date >= $5::date - 92 AND e.start_date < $6::date AND ${ALL_DAY}
    UNION ALL
    SELECT e.id, a.user_id, c.user_id, a.response, e.visibility, e.all_day, e.starts_at, e.ends_at, e.start_date, e.end_date, e.title, e.location
    FROM calendar_entry_attendees a JOIN calendar_entries e ON e.id = a.entry_id JOIN calendars c ON c.id = e.calendar_id
    WHERE a.user_id = ANY($1::uuid[]) AND a.user_id <> c.user_id AND a.starts_at >= $3::timestamptz - interval '14 days' AND a.starts_at < $4 AND ${TIMED}
    UNION ALL
    SELECT e.id, a.user_id, c.user_id, a.response, e.visibility, e.all_day, e.starts_at, e.ends_at, e.start_date, e.end_date, e.title, e.location
    FROM calendar_entry_attendees a JOIN calendar_entries e ON e.id = a.entry_id JOIN calendars c ON c.id = e.calendar_id
    WHERE a.user_id = ANY($1::uuid[]) AND a.user_id <> c.user_id AND a.start_date >= $5::date - 92 AND a.start_date < $6::date AND ${ALL_DAY}
  )
  SELECT r.id, r.person_id, r.owner_id, r.response, r.visibility, r.all_day, r.starts_at, r.ends_at, r.start_date, r.end_date,
         CASE WHEN s.sees THEN r.title END AS title, CASE WHEN s.sees THEN r.location END AS location, s.sees,
         (r.owner_id = $2 OR (g.can_edit AND (r.visibility = 'normal' OR g.can_see_private))) AS can_edit
  FROM rows r
  LEFT JOIN calendar_grants g ON g.owner_id = r.owner_id AND g.grantee_id = $2
  CROSS JOIN LATERAL (SELECT r.visibility = 'normal' OR r.owner_id = $2 OR coalesce(g.can_see_private, false)
    OR EXISTS (SELECT 1 FROM calendar_entry_attendees m WHERE m.entry_id = r.id AND m.user_id = $2) AS sees) s`;
// The series of the people's own calendars that reach the week, masked the same way, with their overrides.
const SERIES_SQL = `
  SELECT e.id, c.user_id AS person_id, c.user_id AS owner_id, e.visibility, e.starts_at, e.ends_at,
         e.recurrence_rule, e.recurrence_zone, e.recurrence_until, e.recurrence_count,
         (SELECT json_agg(json_build_object('recurrence_id', o.recurrence_id, 'cancelled', o.cancelled, 'starts_at', o.starts_at,
             'ends_at', o.ends_at, 'title', o.title, 'location', o.location, 'description', o.description))
           FROM calendar_occurrence_overrides o WHERE o.entry_id = e.id) AS overrides,
         CASE WHEN s.sees THEN e.title END AS title, CASE WHEN s.sees THEN e.location END AS location, s.sees
  FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id
  LEFT JOIN calendar_grants g ON g.owner_id = c.user_id AND g.grantee_id = $2
  CROSS JOIN LATERAL (SELECT e.visibility = 'normal' OR c.user_id = $2 OR coalesce(g.can_see_private, false)
    OR EXISTS (SELECT 1 FROM calendar_entry_attendees m WHERE m.entry_id = e.id AND m.user_id = $2) AS sees) s
  WHERE c.user_id = ANY($1::uuid[]) AND e.recurrence_rule IS NOT NULL AND NOT e.all_day AND e.cancelled_at IS NULL
    AND e.starts_at < $4 AND (e.series_ends_at IS NULL OR e.series_ends_at > $3)`;
// The same columns the data path returns for due markers and lane names.
const TASKS_SQL = `
  SELECT id, number, assignee_id, title, priority, due_at, status FROM tasks
  WHERE assignee_id = ANY($1::uuid[]) AND status <> 'cancelled' AND due_at >= $2 AND due_at < $3
  ORDER BY due_at, number`;
const PEOPLE_SQL = `SELECT id, name FROM users WHERE id = ANY($1::uuid[])`;

type Row = Record<string, unknown>;
interface PostgresClient {
  unsafe: (query: string, params: unknown[], options?: { prepare?: boolean }) => Promise<Row[]>;
}
interface PgliteClient {
  query: (query: string, params: unknown[]) => Promise<{ rows: Row[] }>;
}

export default async function calendarWeek(ctx: BenchContext) {
  const { handle, log, args } = ctx;
  const db = handle.db;
  const options = {
    users: numberArg(args, "users", 200),
    entries: numberArg(args, "entries", 200_000),
    series: numberArg(args, "series", 5_000),
    tasks: numberArg(args, "tasks", 20_000),
  };
  const url = stringArg(args, "url", "");
  const pagePath = stringArg(args, "path", "/calendar/people?view=week");
  const requests = numberArg(args, "requests", 40);

  let started = Date.now();
  const now = new Date();
  const passwordHash = url ? await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 }) : null;
  const scale = await seedScale(db, { users: options.users, tasks: options.tasks, clients: 200, cases: 500, passwordHash, now });
  const cal = await seedScaleCalendar(db, { entries: options.entries, series: options.series, now, emailPattern: `scale-${scale.tag}-%` });
  // Every table seeded, not only the one timed: otherwise autovacuum takes up the freshly filled ones (attendees, tasks,
  // users) while the timing runs, on the same two cores.
  await db.execute(sql`VACUUM ANALYZE`);
  // Every run adds its own organisation: on a database used before, the tables hold more than this run seeded.
  const totals = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM calendar_entries`);
  const entriesInDb = (Array.isArray(totals) ? totals : (totals as unknown as { rows: { n: number }[] }).rows)[0]!.n;
  log(
    `seeded ${JSON.stringify({ ...scale.counts, ...cal })} in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.kind}); ${entriesInDb} entries in the database${entriesInDb > cal.entries ? " (not a fresh database: figures not comparable)" : ""}`,
  );

  const head = scale.heads.find((h) => h.under === 50);
  if (!head) throw new Error("no department head with 50 people under them: use --users 52 or more");
  const viewer = await loadViewer(db, head.id);
  if (!viewer) throw new Error("the head vanished");
  const team = await db.execute<{ id: string }>(
    sql`SELECT id FROM users WHERE supervisor_id = ${head.id} OR supervisor_id IN (SELECT id FROM users WHERE supervisor_id = ${head.id}) ORDER BY name`,
  );
  const people = (Array.isArray(team) ? team : (team as unknown as { rows: { id: string }[] }).rows).map((r) => r.id);

  // This week, Monday to Monday in the head's zone.
  const today = localDateOf(now, viewer.timeZone);
  const monday = addCalendarDays(today, 1 - isoWeekdayOf(today));
  const nextMonday = addCalendarDays(monday, 7);
  const from = startOfLocalDay(monday, viewer.timeZone)!;
  const to = startOfLocalDay(nextMonday, viewer.timeZone)!;
  const request = { people, from, to };

  const client = (db as unknown as { $client: PostgresClient | PgliteClient }).$client;
  const bare = async (query: string, params: unknown[]): Promise<Row[]> =>
    handle.kind === "postgres"
      ? (client as PostgresClient).unsafe(query, params, { prepare: true })
      : (await (client as PgliteClient).query(query, params)).rows;
  // The series' occurrences in the week, by the same expansion the data path uses (the library's, on the bare rows).
  const expanded = (series: Row[]): Row[] =>
    series.flatMap((row) =>
      occurrencesOfRow(row as unknown as RawSeriesColumns, request).map((o) => ({
        id: row.id,
        person_id: row.person_id,
        title: row.sees ? (o.override?.title ?? row.title) : null,
        start: o.start.toISOString(),
      })),
    );
  const bareWeek = async () => {
    const [entries, series, tasks, names] = await Promise.all([
      bare(ENTRIES_SQL, [people, viewer.id, from.toISOString(), to.toISOString(), monday, nextMonday]),
      bare(SERIES_SQL, [people, viewer.id, from.toISOString(), to.toISOString()]),
      bare(TASKS_SQL, [people, from.toISOString(), to.toISOString()]),
      bare(PEOPLE_SQL, [people]),
    ]);
    return [[...entries, ...expanded(series)], tasks, names] as const;
  };

  // Same answer both ways, or the comparison means nothing.
  const [week, [rows, taskRows]] = await Promise.all([calendarWindow(db, viewer, request), bareWeek()]);
  const key = (id: unknown, person: unknown, title: unknown, start: unknown) => `${String(id)}/${String(person)}/${String(title)}/${String(start)}`;
  const instantOf = (v: unknown) => (v === null || v === undefined ? "" : new Date(v as string).toISOString());
  const fromPath = week.entries.map((e) => key(e.id, e.personId, e.title, e.allDay ? "" : instantOf(e.start))).sort();
  const fromSql = rows.map((r) => key(r.id, r.person_id, r.title, r.all_day ? "" : instantOf(r.start ?? r.starts_at))).sort();
  const occurrences = week.entries.filter((e) => e.recurrenceId !== null).length;
  if (fromPath.join() !== fromSql.join()) throw new Error(`the data path and the bare SQL return different entries (${fromPath.length} vs ${fromSql.length})`);
  const masked = week.entries.filter((e) => e.masked).length;
  log(
    `viewer: ${head.name}, ${people.length} people, week ${monday}..${nextMonday}: ${week.entries.length} entry rows (${masked} masked, ${occurrences} occurrences of series), ${week.tasks.length} due tasks (bare: ${taskRows.length})`,
  );

  started = Date.now();
  const path = await measure(() => calendarWindow(db, viewer, request), { iterations: 200, warmup: 20 });
  const baseline = await measure(bareWeek, { iterations: 200, warmup: 20 });
  // A week nobody has looked at since the process started: no compiled rule, no expanded stretch.
  const coldPath = await measure(
    () => {
      clearRecurrenceCaches();
      return calendarWindow(db, viewer, request);
    },
    { iterations: 40, warmup: 5 },
  );
  const coldBaseline = await measure(
    () => {
      clearRecurrenceCaches();
      return bareWeek();
    },
    { iterations: 40, warmup: 5 },
  );
  const ratio = round(path.p50 / baseline.p50, 2);
  const coldRatio = round(coldPath.p50 / coldBaseline.p50, 2);
  log(`team week data path  p50 ${path.p50} ms  p95 ${path.p95} ms  p99 ${path.p99} ms`);
  log(`bare SQL (same rows) p50 ${baseline.p50} ms  p95 ${baseline.p95} ms  p99 ${baseline.p99} ms`);
  log(`ratio ${ratio} (goal: p50 under 25 ms, ratio under 2; ${((Date.now() - started) / 1000).toFixed(1)} s measuring)`);
  log(
    `first look at the week (expansion caches emptied before each): data path p50 ${coldPath.p50} ms, bare SQL + expansion p50 ${coldBaseline.p50} ms, ratio ${coldRatio}`,
  );

  const figures: Record<string, number> = {
    p50_ms: path.p50,
    ratio,
    p95_ms: path.p95,
    bare_p50_ms: baseline.p50,
    cold_p50_ms: coldPath.p50,
    cold_bare_p50_ms: coldBaseline.p50,
    cold_ratio: coldRatio,
    entry_rows: week.entries.length,
    masked_rows: masked,
    due_tasks: week.tasks.length,
    people: people.length,
    entries_in_db: entriesInDb,
    recurring_series: cal.series,
    occurrence_rows: occurrences,
  };

  if (url) {
    const base = url.replace(/\/$/, "");
    // The people view shows the head's remembered choice: the whole team, as if they had picked it.
    await db
      .insert(calendarPeopleChoices)
      .values({ userId: head.id, memberIds: people, updatedAt: now })
      .onConflictDoUpdate({ target: calendarPeopleChoices.userId, set: { memberIds: people, updatedAt: now } });
    const jar = await signIn(base, head.email, PASSWORD);
    const target = `${base}${pagePath}`;
    const page = async () => {
      const response = await fetch(target, { headers: { cookie: jar.header() }, redirect: "manual" });
      if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
      return response.text();
    };
    await page();
    const render = await measure(page, { iterations: requests, warmup: Math.min(5, requests) });
    log(`team week page p50 ${render.p50} ms  p95 ${render.p95} ms (${requests} requests; goal: p50 under 150 ms)`);
    figures.page_p50_ms = render.p50;
    figures.page_p95_ms = render.p95;
    // The calendar pages' first-load JavaScript (FullCalendar itself loads after the page: not in it).
    for (const [name, path] of [
      ["calendar", "/calendar?view=week"],
      ["people", pagePath],
    ] as const) {
      const response = await fetch(`${base}${path}`, { headers: { cookie: jar.header() }, redirect: "manual" });
      const js = await firstLoadScripts(base, await response.text());
      log(`${path} first-load JS: ${js.scripts} scripts, ${round(js.gzip / 1024, 1)} KB gzip (goal: under 250 KB)`);
      figures[`${name}_first_load_js_gzip_kb`] = round(js.gzip / 1024, 1);
    }
  }
  return figures;
}
