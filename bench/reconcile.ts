/**
 * `npm run bench -- reconcile [--users 200] [--tasks 100000] [--lost 500] [--limit 1000]`
 *
 * The reconcile that repairs lost timeline events runs every minute. With 100,000 tasks in the
 * database (about 40 % active) and their moments (overdue notices to assignee and delegator,
 * sent when past; first-level escalations still to come), N moments are "lost": due, never
 * sent. Measures the first pass (it must send all of them), then passes with nothing to send
 * (the steady state), against the bare indexed query for due, unsent moments that any pass
 * starts with.
 */
import { and, count, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { moments, tasks } from "../db/schema";
import { seedScale } from "../db/seed/scale";
import { reconcileTimelines } from "../lib/reminders/reconcile";
import { markTimelinesBackfilled } from "../lib/timelines/backfill";
import { numberArg, type BenchContext } from "./context";
import { measure, round } from "./measure";

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const BARE_SQL = `SELECT item_type, item_id, at FROM moments WHERE sent_at IS NULL AND outcome IS NULL AND at <= $1 ORDER BY at LIMIT $2`;

type Row = Record<string, unknown>;
interface PostgresClient {
  unsafe: (query: string, params: unknown[], options?: { prepare?: boolean }) => Promise<Row[]>;
}
interface PgliteClient {
  query: (query: string, params: unknown[]) => Promise<{ rows: Row[] }>;
}

export default async function reconcile({ handle, args, log }: BenchContext) {
  const users = numberArg(args, "users", 200);
  const taskCount = numberArg(args, "tasks", 100_000);
  const lost = numberArg(args, "lost", 500);
  const limit = numberArg(args, "limit", 1000);
  const db = handle.db;
  const now = new Date();
  let started = performance.now();
  log(`seeding ${users} users and ${taskCount} tasks…`);
  await seedScale(db, { users, tasks: taskCount, clients: 200, cases: 500, passwordHash: null, now });
  // Moment keys carry the due moment in milliseconds, as JavaScript writes it.
  await db.execute(sql`UPDATE tasks SET due_at = date_trunc('milliseconds', due_at) WHERE due_at <> date_trunc('milliseconds', due_at)`);
  const nowIso = now.toISOString();
  // Set-based, like the app would have written them: overdue notices (sent once past) to the
  // assignee and the delegator of every active task with a due moment, and the first-level
  // escalation to the assignee's supervisor for those still ahead.
  await db.execute(sql`
    INSERT INTO moments (item_type, item_id, version, moment_key, kind, at, recipient_id, due_at, sent_at)
    SELECT 'task', t.id, t.version,
      'overdue:task:' || t.id || ':' || to_char(t.due_at AT TIME ZONE 'UTC', ${sql.raw(ISO)}) || ':' || r.recipient_id,
      'overdue', t.due_at, r.recipient_id, t.due_at,
      CASE WHEN t.due_at <= ${nowIso}::timestamptz THEN t.due_at END
    FROM tasks t
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(ARRAY[t.assignee_id, t.created_by_id]) AS recipient_id) r
    WHERE t.status IN ('open', 'in_progress') AND t.due_at IS NOT NULL
    ON CONFLICT (moment_key) DO NOTHING`);
  await db.execute(sql`
    INSERT INTO moments (item_type, item_id, version, moment_key, kind, at, recipient_id, level, due_at)
    SELECT 'task', t.id, t.version,
      'escalation:task:' || t.id || ':' || to_char(t.due_at AT TIME ZONE 'UTC', ${sql.raw(ISO)}) || ':l1:' || u.supervisor_id,
      'escalation', t.due_at + interval '1 day', u.supervisor_id, 1, t.due_at
    FROM tasks t JOIN users u ON u.id = t.assignee_id
    WHERE t.status IN ('open', 'in_progress') AND t.due_at > ${nowIso}::timestamptz AND u.supervisor_id IS NOT NULL
    ON CONFLICT (moment_key) DO NOTHING`);
  // The lost events: sent moments that, after all, never were.
  await db.execute(sql`
    UPDATE moments SET sent_at = NULL
    WHERE id IN (SELECT id FROM moments WHERE kind = 'overdue' AND sent_at IS NOT NULL ORDER BY random() LIMIT ${lost}::int)`);
  // The moments were seeded above; nothing is left for the backfill of older items.
  await markTimelinesBackfilled(db, now);
  await db.execute(sql`VACUUM ANALYZE moments`);
  await db.execute(sql`VACUUM ANALYZE tasks`);
  const [active] = await db
    .select({ n: count() })
    .from(tasks)
    .where(inArray(tasks.status, ["open", "in_progress"]));
  const [total] = await db.select({ n: count() }).from(moments);
  const lostRows = await db
    .select({ id: moments.id })
    .from(moments)
    .where(and(isNull(moments.sentAt), isNull(moments.outcome), sql`${moments.at} <= ${nowIso}::timestamptz`));
  log(
    `seeded ${taskCount} tasks (${active!.n} active), ${total!.n} moments, ${lostRows.length} lost in ${round((performance.now() - started) / 1000, 1)} s (${handle.kind})`,
  );

  const client = (db as unknown as { $client: PostgresClient | PgliteClient }).$client;
  const bare = async (): Promise<Row[]> =>
    handle.kind === "postgres"
      ? (client as PostgresClient).unsafe(BARE_SQL, [nowIso, limit], { prepare: true })
      : (await (client as PgliteClient).query(BARE_SQL, [nowIso, limit])).rows;
  const plan = await db.execute(sql.raw(`EXPLAIN ${BARE_SQL.replace("$1", `'${nowIso}'`).replace("$2", String(limit))}`));
  log(`plan: ${JSON.stringify(plan).slice(0, 300)}`);

  started = performance.now();
  const first = await reconcileTimelines(db, now, { limit });
  const firstMs = performance.now() - started;
  const [sentFirst] = await db
    .select({ n: count() })
    .from(moments)
    .where(
      and(
        inArray(
          moments.id,
          lostRows.map((r) => r.id),
        ),
        isNotNull(moments.sentAt),
      ),
    );
  log(`first pass: ${first.checked} tasks, sent ${first.fired} moments in ${round(firstMs, 1)} ms; ${sentFirst!.n} of ${lostRows.length} lost moments sent`);

  // Nothing due and unsent is left: what every other minute costs.
  const pass = await measure(() => reconcileTimelines(db, now, { limit }), { iterations: 50, warmup: 5 });
  const query = await measure(bare, { iterations: 50, warmup: 5 });
  const [resent] = await db.select({ n: count() }).from(moments).where(eq(moments.outcome, "no_recipient"));
  const ratio = round(pass.p50 / Math.max(query.p50, 0.001), 2);
  log(`steady pass p50 ${pass.p50} ms (p95 ${pass.p95}); bare due-and-unsent query p50 ${query.p50} ms; ratio ${ratio}`);
  log(`goal: steady pass under 50 ms, every lost moment sent by the first pass, ratio under 3`);

  return {
    tasks_in_db: taskCount,
    active_tasks: active!.n,
    moments_in_db: total!.n,
    lost_moments: lostRows.length,
    sent_first_pass: sentFirst!.n,
    first_pass_ms: round(firstMs, 1),
    first_pass_items: first.checked,
    pass_p50_ms: pass.p50,
    pass_p95_ms: pass.p95,
    query_p50_ms: query.p50,
    ratio,
    no_recipient: resent!.n,
    limit,
  };
}
