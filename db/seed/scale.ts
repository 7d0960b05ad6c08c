import { sql } from "drizzle-orm";
import type { Db } from "../index";
import { departments, users } from "../schema";

/**
 * A realistic organisation at scale, for benchmarks and for trying the lists with real volume:
 * a CEO, departments of 51 people (a head, five team leads with nine people each), clients,
 * cases, and tasks delegated mostly down the supervisor chain with a realistic mix of status,
 * priority and due dates. Bulk rows are generated inside the database (INSERT … SELECT
 * generate_series), so 100,000 tasks take seconds, not minutes.
 */
export interface ScaleOptions {
  users: number;
  tasks: number;
  clients: number;
  cases: number;
  /** Hash every scale user signs in with; null: no sign-in. */
  passwordHash?: string | null;
  now?: Date;
}

export interface ScaleResult {
  tag: string;
  ceo: { id: string; email: string };
  /** Department heads and how many people are under each (50 in a full department). */
  heads: Array<{ id: string; email: string; name: string; under: number }>;
  counts: { users: number; clients: number; cases: number; tasks: number };
}

export const DEPARTMENT_SIZE = 51;
const TEAMS_PER_DEPARTMENT = 5;
const TEAM_SIZE = 10;

const FIRST = [
  "Anna",
  "Piotr",
  "Katarzyna",
  "Tomasz",
  "Magdalena",
  "Michał",
  "Agnieszka",
  "Paweł",
  "Joanna",
  "Marcin",
  "Ewa",
  "Krzysztof",
  "Monika",
  "Łukasz",
  "Aleksandra",
  "Jakub",
  "Barbara",
  "Adam",
  "Natalia",
  "Grzegorz",
];
const LAST = [
  "Nowak",
  "Kowalski",
  "Wiśniewski",
  "Wójcik",
  "Kowalczyk",
  "Kamiński",
  "Lewandowski",
  "Zieliński",
  "Szymański",
  "Woźniak",
  "Dąbrowski",
  "Kozłowski",
  "Jankowski",
  "Mazur",
  "Kwiatkowski",
  "Krawczyk",
  "Piotrowski",
  "Grabowski",
  "Nowakowski",
  "Pawłowski",
];

export async function seedScale(db: Db, options: ScaleOptions): Promise<ScaleResult> {
  const now = options.now ?? new Date();
  const tag = now.getTime().toString(36);
  const email = (i: number) => `scale-${tag}-${String(i).padStart(6, "0")}@scale.example`;
  const name = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ""}`;

  // People: built here (a few thousand rows at most) because the supervisor tree is easier to read in code.
  const total = Math.max(1, options.users);
  const departmentCount = Math.ceil((total - 1) / DEPARTMENT_SIZE);
  const deptRows = departmentCount
    ? await db
        .insert(departments)
        .values(Array.from({ length: departmentCount }, (_, d) => ({ name: `Dział ${d + 1} (${tag})` })))
        .returning({ id: departments.id })
    : [];
  type Row = typeof users.$inferInsert & { key: number; supervisorKey: number | null };
  const people: Row[] = [];
  const add = (supervisorKey: number | null, role: "manager" | "member", title: string, departmentId: string | null) => {
    const key = people.length;
    people.push({
      key,
      supervisorKey,
      email: email(key),
      name: name(key),
      role,
      title,
      departmentId,
      passwordHash: options.passwordHash ?? null,
      timeZone: "Europe/Warsaw",
      locale: "pl",
    });
    return key;
  };
  const ceo = add(null, "manager", "Prezes zarządu", null);
  const heads: number[] = [];
  for (let d = 0; d < departmentCount && people.length < total; d++) {
    const head = add(ceo, "manager", "Dyrektor działu", deptRows[d]!.id);
    heads.push(head);
    for (let team = 0; team < TEAMS_PER_DEPARTMENT && people.length < total; team++) {
      const lead = add(head, "manager", "Kierownik zespołu", deptRows[d]!.id);
      for (let m = 1; m < TEAM_SIZE && people.length < total; m++) add(lead, "member", m % 3 === 0 ? "Serwisant" : "Specjalista", deptRows[d]!.id);
    }
  }
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += 1000) {
    const chunk = people.slice(i, i + 1000).map(({ key: _k, supervisorKey: _s, ...row }) => row);
    ids.push(...(await db.insert(users).values(chunk).returning({ id: users.id })).map((r) => r.id));
  }
  await db.execute(sql`
    UPDATE users u SET supervisor_id = v.supervisor_id::uuid
    FROM (VALUES ${sql.join(
      people.filter((p) => p.supervisorKey !== null).map((p) => sql`(${ids[p.key]!}, ${ids[p.supervisorKey!]!})`),
      sql`, `,
    )}) AS v(id, supervisor_id)
    WHERE u.id = v.id::uuid`);

  const emailPattern = `scale-${tag}-%`;
  const nowIso = now.toISOString();
  if (options.clients > 0) {
    await db.execute(sql`
      INSERT INTO clients (name, tax_id, city, email, account_manager_id, created_at, updated_at)
      SELECT
        (ARRAY['Restauracja','Hotel','Piekarnia','Stołówka','Catering','Bistro','Pensjonat','Zakłady Mięsne','Cukiernia','Szpital'])[1 + g % 10]
          || ' ' || (ARRAY['Pod Lipami','Wawel','Złoty Kłos','Bałtyk','Mazury','Smaki Podhala','Polonia','Kasztelan','Sielanka','Pod Dębem'])[1 + (g / 10) % 10]
          || ' ' || g || ' sp. z o.o.',
        -- Tax ids continue after those of an earlier run into the same database, so a benchmark can run again.
        lpad((1000000000 + n.taken + g)::text, 10, '0'),
        (ARRAY['Kraków','Warszawa','Poznań','Gdańsk','Wrocław','Łódź','Katowice','Lublin','Olsztyn','Rzeszów'])[1 + g % 10],
        'biuro' || g || '@klient-${sql.raw(tag)}.example',
        p.id, ${nowIso}::timestamptz, ${nowIso}::timestamptz
      FROM generate_series(1, ${options.clients}::int) g
      CROSS JOIN (SELECT count(*)::int AS taken FROM clients) n
      JOIN LATERAL (SELECT id FROM users WHERE email LIKE ${emailPattern} ORDER BY email OFFSET (g * 7) % ${people.length}::int LIMIT 1) p ON true`);
  }
  if (options.cases > 0 && options.clients > 0) {
    await db.execute(sql`
      INSERT INTO cases (kind, title, status, priority, owner_id, client_id, due_at, created_at, updated_at)
      SELECT
        (ARRAY['sales_opportunity','quote_request','service_request']::case_kind[])[1 + g % 3],
        (ARRAY['Wymiana pieca konwekcyjnego','Przegląd zmywarki','Oferta na wyposażenie kuchni','Awaria chłodni','Serwis ekspresu','Modernizacja zaplecza'])[1 + g % 6] || ' ' || g,
        (ARRAY['new','in_progress','waiting','won','lost','resolved','closed']::case_status[])[1 + (g / 3) % 7],
        (ARRAY['low','normal','normal','high','urgent']::priority[])[1 + g % 5],
        o.id, c.id,
        ${nowIso}::timestamptz + ((g % 90) - 30) * interval '1 day',
        ${nowIso}::timestamptz - (g % 120) * interval '1 day', ${nowIso}::timestamptz
      FROM generate_series(1, ${options.cases}::int) g
      JOIN LATERAL (SELECT id FROM clients WHERE email LIKE ${`%@klient-${tag}.example`} ORDER BY email OFFSET (g * 13) % ${options.clients}::int LIMIT 1) c ON true
      JOIN LATERAL (SELECT id FROM users WHERE email LIKE ${emailPattern} ORDER BY email OFFSET (g * 11) % ${people.length}::int LIMIT 1) o ON true`);
  }
  if (options.tasks > 0) await seedScaleTasks(db, { tag, tasks: options.tasks, nowIso, emailPattern });

  const [counts] = await db
    .execute(
      sql`
    SELECT
      (SELECT count(*)::int FROM users WHERE email LIKE ${emailPattern}) AS users,
      (SELECT count(*)::int FROM clients WHERE email LIKE ${`%@klient-${tag}.example`}) AS clients,
      (SELECT count(*)::int FROM cases c JOIN clients k ON k.id = c.client_id WHERE k.email LIKE ${`%@klient-${tag}.example`}) AS cases,
      (SELECT count(*)::int FROM tasks t JOIN users u ON u.id = t.assignee_id WHERE u.email LIKE ${emailPattern}) AS tasks`,
    )
    .then((r) => rowsOf<ScaleResult["counts"]>(r));
  return {
    tag,
    ceo: { id: ids[ceo]!, email: email(ceo) },
    heads: heads.map((h) => ({ id: ids[h]!, email: email(h), name: name(h), under: people.filter((p) => isUnder(people, p.key, h)).length })),
    counts: counts!,
  };
}

function isUnder(people: Array<{ supervisorKey: number | null }>, key: number, boss: number): boolean {
  for (let s = people[key]!.supervisorKey; s !== null; s = people[s]!.supervisorKey) if (s === boss) return true;
  return false;
}

/**
 * Tasks: the assignee is anyone; the delegator is their supervisor (half the time), the one
 * above (15 %), themself (25 %) or a colleague anywhere. Half are done or cancelled; due dates
 * spread two months back and forward, so every list has overdue, today and this week rows.
 */
async function seedScaleTasks(db: Db, p: { tag: string; tasks: number; nowIso: string; emailPattern: string }): Promise<void> {
  const [before] = await db.execute(sql`SELECT coalesce(max(number), 0)::int AS n FROM tasks`).then((r) => rowsOf<{ n: number }>(r));
  await db.execute(sql`
    WITH people AS (
      SELECT id, supervisor_id, (row_number() OVER (ORDER BY email) - 1)::int AS i FROM users WHERE email LIKE ${p.emailPattern}
    ), n AS (SELECT count(*)::int AS c FROM people),
    kc AS (
      SELECT array_agg(c.id ORDER BY c.id) AS ids, array_agg(c.client_id ORDER BY c.id) AS client_ids
      FROM cases c JOIN clients k ON k.id = c.client_id WHERE k.email LIKE ${`%@klient-${p.tag}.example`}
    ),
    kl AS (SELECT array_agg(id ORDER BY id) AS ids FROM clients WHERE email LIKE ${`%@klient-${p.tag}.example`}),
    draw AS (
      SELECT g, floor(random() * n.c)::int AS ai, floor(random() * n.c)::int AS pi,
        random() AS r_creator, random() AS r_status, random() AS r_progress, random() AS r_priority,
        random() AS r_due, random() AS r_link, random() AS r_pick, random() AS r_title, random() AS r_accept, random() AS r_age
      FROM generate_series(1, ${p.tasks}::int) g, n
    ),
    shaped AS (
      SELECT d.*, a.id AS assignee_id,
        CASE
          WHEN d.r_creator < 0.50 AND a.supervisor_id IS NOT NULL THEN a.supervisor_id
          WHEN d.r_creator < 0.65 AND s1.supervisor_id IS NOT NULL THEN s1.supervisor_id
          WHEN d.r_creator < 0.90 THEN a.id
          ELSE other.id
        END AS created_by_id,
        CASE WHEN d.r_due < 0.1 THEN NULL
          ELSE date_trunc('hour', ${p.nowIso}::timestamptz + (d.r_due * 120 - 60) * interval '1 day') END AS due_at
      FROM draw d
      JOIN people a ON a.i = d.ai
      JOIN people other ON other.i = d.pi
      LEFT JOIN users s1 ON s1.id = a.supervisor_id
    )
    INSERT INTO tasks (title, priority, status, progress, due_at, assignee_id, created_by_id, client_id, case_id, needs_acceptance, completed_at, last_activity_at, created_at, updated_at)
    SELECT
      (ARRAY['Przegląd okresowy urządzenia','Wymiana uszczelki','Przygotować ofertę','Oddzwonić do klienta','Uzupełnić protokół serwisowy',
             'Zamówić części','Wizyta u klienta','Sprawdzić płatność','Aktualizacja cennika','Szkolenie obsługi'])[1 + floor(s.r_title * 10)::int] || ' ' || s.g,
      (CASE WHEN s.r_priority < 0.15 THEN 'low' WHEN s.r_priority < 0.70 THEN 'normal' WHEN s.r_priority < 0.92 THEN 'high' ELSE 'urgent' END)::priority,
      st.status::task_status,
      CASE st.status WHEN 'done' THEN 100 WHEN 'awaiting_acceptance' THEN 100 WHEN 'open' THEN 0 ELSE (floor(s.r_progress * 19) * 5)::int END,
      s.due_at, s.assignee_id, s.created_by_id,
      CASE WHEN s.r_link < 0.35 AND kc.ids IS NOT NULL THEN kc.client_ids[1 + floor(s.r_pick * array_length(kc.ids, 1))::int]
           WHEN s.r_link < 0.50 AND kl.ids IS NOT NULL THEN kl.ids[1 + floor(s.r_pick * array_length(kl.ids, 1))::int] END,
      CASE WHEN s.r_link < 0.35 AND kc.ids IS NOT NULL THEN kc.ids[1 + floor(s.r_pick * array_length(kc.ids, 1))::int] END,
      s.r_accept < 0.3 AND s.created_by_id <> s.assignee_id,
      CASE WHEN st.status = 'done' THEN t.activity END,
      t.activity, t.created, t.activity
    FROM shaped s
    CROSS JOIN kc CROSS JOIN kl
    CROSS JOIN LATERAL (SELECT CASE
      WHEN s.r_status < 0.45 THEN 'done' WHEN s.r_status < 0.52 THEN 'cancelled' WHEN s.r_status < 0.72 THEN 'open'
      WHEN s.r_status < 0.90 OR s.created_by_id = s.assignee_id THEN 'in_progress' ELSE 'awaiting_acceptance' END AS status) st
    CROSS JOIN LATERAL (SELECT
      least(coalesce(s.due_at, ${p.nowIso}::timestamptz) - (1 + s.r_age * 20) * interval '1 day', ${p.nowIso}::timestamptz - interval '1 hour') AS created) c0
    CROSS JOIN LATERAL (SELECT c0.created AS created,
      least(c0.created + s.r_progress * (${p.nowIso}::timestamptz - c0.created), ${p.nowIso}::timestamptz) AS activity) t`);
  await db.execute(sql`
    INSERT INTO task_activity (task_id, actor_id, kind, field, new_value, created_at)
    SELECT id, created_by_id, 'created', 'assigneeId', assignee_id::text, created_at FROM tasks WHERE number > ${before!.n}`);
  await db.execute(sql`ANALYZE tasks`);
  await db.execute(sql`ANALYZE users`);
}

/** drizzle's execute() answers an array on postgres.js and `{ rows }` on PGlite. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
