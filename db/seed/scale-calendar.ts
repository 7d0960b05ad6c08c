import { sql } from "drizzle-orm";
import type { Db } from "../index";

/**
 * Calendar entries at scale for the people of one scale seed (their e-mails match
 * `emailPattern`): a calendar each, and `entries` entries spread over the year before and after
 * `now`, on working days between 07:00 and 18:00 Warsaw time, half an hour to three hours long;
 * a share private (15 %), all day (4 %), and with one to three colleagues invited (20 %). `series` of
 * the timed entries nobody is invited to then repeat in Warsaw time: four in five every week on their
 * weekday for ever, the rest every two weeks ten times. Set-based SQL, so 200,000 entries take seconds.
 */
export async function seedScaleCalendar(
  db: Db,
  p: { entries: number; now: Date; emailPattern: string; series?: number },
): Promise<{ entries: number; attendees: number; series: number }> {
  const nowIso = p.now.toISOString();
  await db.execute(sql`INSERT INTO calendars (user_id) SELECT id FROM users WHERE email LIKE ${p.emailPattern} ON CONFLICT (user_id) DO NOTHING`);
  const before = rowsOf<{ before: number }>(await db.execute(sql`SELECT count(*)::int AS before FROM calendar_entries`))[0]?.before ?? 0;
  await db.execute(sql`
    WITH cals AS (
      SELECT c.id, (row_number() OVER (ORDER BY u.email) - 1)::int AS i FROM calendars c JOIN users u ON u.id = c.user_id WHERE u.email LIKE ${p.emailPattern}
    ), n AS (SELECT count(*)::int AS c FROM cals),
    draw AS (
      SELECT g, floor(random() * n.c)::int AS ci, random() AS r_day, random() AS r_hour, random() AS r_len, random() AS r_private, random() AS r_all_day, random() AS r_title
      FROM generate_series(1, ${p.entries}::int) g, n
    ),
    drawn_day AS (
      SELECT d.*, cals.id AS calendar_id,
        (date_trunc('day', ${nowIso}::timestamptz AT TIME ZONE 'Europe/Warsaw')::date + floor(d.r_day * 730 - 365)::int) AS any_day
      FROM draw d JOIN cals ON cals.i = d.ci
    ),
    -- A working day within a year either side of now, in Warsaw: a weekend day moves to Monday.
    shaped AS (
      SELECT dd.*, dd.any_day + CASE extract(isodow FROM dd.any_day)::int WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END AS day FROM drawn_day dd
    )
    INSERT INTO calendar_entries (calendar_id, title, location, visibility, all_day, starts_at, ends_at, start_date, end_date, created_at, updated_at)
    SELECT s.calendar_id,
      (ARRAY['Spotkanie z klientem','Przegląd serwisowy','Odprawa zespołu','Wizyta handlowa','Szkolenie','Prezentacja oferty','Rozmowa telefoniczna','Montaż urządzenia'])[1 + floor(s.r_title * 8)::int] || ' ' || s.g,
      CASE WHEN s.r_title < 0.5 THEN 'Sala ' || (1 + s.g % 5) END,
      (CASE WHEN s.r_private < 0.15 THEN 'private' ELSE 'normal' END)::entry_visibility,
      s.r_all_day < 0.04,
      CASE WHEN s.r_all_day >= 0.04 THEN ((s.day + make_interval(hours => 7 + floor(s.r_hour * 11)::int, mins => (floor(s.r_len * 4)::int % 2) * 30)) AT TIME ZONE 'Europe/Warsaw') END,
      CASE WHEN s.r_all_day >= 0.04 THEN ((s.day + make_interval(hours => 7 + floor(s.r_hour * 11)::int, mins => (floor(s.r_len * 4)::int % 2) * 30)) AT TIME ZONE 'Europe/Warsaw') + (1 + floor(s.r_len * 6)::int) * interval '30 minutes' END,
      CASE WHEN s.r_all_day < 0.04 THEN s.day END,
      CASE WHEN s.r_all_day < 0.04 THEN s.day + 1 + floor(s.r_len * 3)::int END,
      ${nowIso}::timestamptz, ${nowIso}::timestamptz
    FROM shaped s`);
  // Statistics of the rows just written first: without them the planner takes the fresh entries for a handful and
  // joins the invitations below in a way that took minutes instead of seconds.
  await db.execute(sql`ANALYZE calendar_entries`);
  await db.execute(sql`ANALYZE calendars`);
  // Colleagues invited to a fifth of the new entries: one to three people of the same seed.
  await db.execute(sql`
    WITH people AS (SELECT id, (row_number() OVER (ORDER BY email) - 1)::int AS i FROM users WHERE email LIKE ${p.emailPattern}),
    n AS (SELECT count(*)::int AS c FROM people),
    fresh AS (
      SELECT e.id, c.user_id AS owner_id, e.starts_at, e.start_date, random() AS r FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id
      JOIN users u ON u.id = c.user_id WHERE u.email LIKE ${p.emailPattern} AND e.created_at = ${nowIso}::timestamptz
    )
    INSERT INTO calendar_entry_attendees (entry_id, user_id, response, starts_at, start_date)
    SELECT DISTINCT ON (f.id, pp.id) f.id, pp.id, (ARRAY['needs_action','accepted','accepted','tentative','declined']::attendee_response[])[1 + floor(random() * 5)::int], f.starts_at, f.start_date
    FROM fresh f CROSS JOIN n
    CROSS JOIN LATERAL generate_series(1, 1 + floor(f.r * 15)::int % 3) k
    JOIN people pp ON pp.i = (floor(f.r * 1000)::int + k * 7) % n.c
    WHERE f.r < 0.2 AND pp.id <> f.owner_id
    ON CONFLICT DO NOTHING`);
  await db.execute(sql`ANALYZE calendar_entry_attendees`);
  if (p.series) {
    // The rule as the entry form writes it (lib/calendar/repeat.ts ruleOf): BYDAY is the first start's Warsaw weekday.
    // A series that ends keeps the end of its last occurrence (series_ends_at), ten two-weekly steps of Warsaw wall
    // clock after the first, so window reads skip it afterwards.
    await db.execute(sql`
      WITH picked AS (
        SELECT e.id, e.starts_at, e.ends_at, random() AS r FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id
        JOIN users u ON u.id = c.user_id
        WHERE u.email LIKE ${p.emailPattern} AND e.created_at = ${nowIso}::timestamptz AND NOT e.all_day
          AND NOT EXISTS (SELECT 1 FROM calendar_entry_attendees a WHERE a.entry_id = e.id)
        ORDER BY random() LIMIT ${p.series}::int
      )
      UPDATE calendar_entries e SET
        recurrence_rule = CASE WHEN p.r < 0.8 THEN 'FREQ=WEEKLY;BYDAY=' ELSE 'FREQ=WEEKLY;INTERVAL=2;BYDAY=' END
          || (ARRAY['MO','TU','WE','TH','FR','SA','SU'])[extract(isodow FROM p.starts_at AT TIME ZONE 'Europe/Warsaw')::int],
        recurrence_zone = 'Europe/Warsaw',
        recurrence_count = CASE WHEN p.r < 0.8 THEN NULL ELSE 10 END,
        series_ends_at = CASE WHEN p.r < 0.8 THEN NULL
          ELSE ((p.starts_at AT TIME ZONE 'Europe/Warsaw') + interval '126 days') AT TIME ZONE 'Europe/Warsaw' + (p.ends_at - p.starts_at) END
      FROM picked p WHERE e.id = p.id`);
    await db.execute(sql`ANALYZE calendar_entries`);
  }
  const [counts] = rowsOf<{ entries: number; attendees: number; series: number }>(
    await db.execute(
      sql`SELECT (SELECT count(*)::int FROM calendar_entries) - ${before}::int AS entries, (SELECT count(*)::int FROM calendar_entry_attendees) AS attendees,
        (SELECT count(*)::int FROM calendar_entries e JOIN calendars c ON c.id = e.calendar_id JOIN users u ON u.id = c.user_id
          WHERE u.email LIKE ${p.emailPattern} AND e.recurrence_rule IS NOT NULL) AS series`,
    ),
  );
  return counts!;
}

/** drizzle's execute() answers an array on postgres.js and `{ rows }` on PGlite. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
