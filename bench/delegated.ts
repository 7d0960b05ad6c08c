/**
 * `npm run bench -- delegated [--users 200] [--tasks 100000]`
 *
 * A department head with 50 people under them in a database of 100,000 tasks opens Delegated.
 * Measures the page's data path (delegatedTasksOf: the page of rows and the counts per status,
 * exactly what the page calls) against bare SQL returning the same rows and counts through the
 * driver, checks both answer the same, and reports p50 and their ratio.
 */
import { sql } from "drizzle-orm";
import { seedScale } from "../db/seed/scale";
import { loadViewer } from "../lib/auth/viewer";
import { parseListParams } from "../lib/tasks/list-params";
import { delegatedTasksOf } from "../lib/tasks/lists";
import { numberArg, type BenchContext } from "./context";
import { measure, round } from "./measure";

// The names looked up per row of the page rather than joined, as lib/tasks/lists.ts does: a fifth of the planning.
const ROWS_SQL = `
  SELECT t.id, t.number, t.title, t.priority, t.status, t.progress, t.due_at, t.needs_acceptance, t.last_activity_at,
         t.assignee_id, (SELECT a.name FROM users a WHERE a.id = t.assignee_id) AS assignee_name,
         t.created_by_id, (SELECT d.name FROM users d WHERE d.id = t.created_by_id) AS delegator_name,
         t.client_id, (SELECT c.name FROM clients c WHERE c.id = t.client_id) AS client_name,
         t.case_id, (SELECT k.number FROM cases k WHERE k.id = t.case_id) AS case_number,
         (SELECT k.title FROM cases k WHERE k.id = t.case_id) AS case_title
  FROM tasks t
  WHERE t.created_by_id = $1 AND t.assignee_id <> t.created_by_id AND t.status IN ('open', 'in_progress', 'awaiting_acceptance')
  ORDER BY t.due_at ASC NULLS LAST, t.number ASC
  LIMIT 50`;
const COUNTS_SQL = `
  SELECT status, count(*)::int AS n FROM tasks
  WHERE created_by_id = $1 AND assignee_id <> created_by_id
  GROUP BY status`;

type Row = Record<string, unknown>;
interface PostgresClient {
  unsafe: (query: string, params: unknown[], options?: { prepare?: boolean }) => Promise<Row[]>;
}
interface PgliteClient {
  query: (query: string, params: unknown[]) => Promise<{ rows: Row[] }>;
}

export default async function delegated(ctx: BenchContext) {
  const { handle, log } = ctx;
  const db = handle.db;
  const options = {
    users: numberArg(ctx.args, "users", 200),
    tasks: numberArg(ctx.args, "tasks", 100_000),
    clients: numberArg(ctx.args, "clients", 500),
    cases: numberArg(ctx.args, "cases", 2000),
  };

  let started = Date.now();
  const scale = await seedScale(db, options);
  // What autovacuum does on a live database: statistics and the visibility map for index-only scans.
  await db.execute(sql`VACUUM ANALYZE tasks`);
  log(`seeded ${JSON.stringify(scale.counts)} in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.kind})`);

  const head = scale.heads.find((h) => h.under === 50);
  if (!head) throw new Error("no department head with 50 people under them: use --users 52 or more");
  const viewer = await loadViewer(db, head.id);
  if (!viewer) throw new Error("the head vanished");
  const params = parseListParams({});
  const now = new Date();

  const client = (db as unknown as { $client: PostgresClient | PgliteClient }).$client;
  const bare = async (query: string): Promise<Row[]> =>
    handle.kind === "postgres"
      ? (client as PostgresClient).unsafe(query, [head.id], { prepare: true })
      : (await (client as PgliteClient).query(query, [head.id])).rows;
  // The page runs rows and counts side by side; so does the baseline.
  const bareList = () => Promise.all([bare(ROWS_SQL), bare(COUNTS_SQL)]);

  // Same answer both ways, or the comparison means nothing.
  const [list, [rows, counts]] = await Promise.all([delegatedTasksOf(db, viewer, params, now), bareList()]);
  const bareCounts = Object.fromEntries(counts.map((c) => [String(c.status), Number(c.n)]));
  if (list.rows.map((r) => r.id).join() !== rows.map((r) => String(r.id)).join()) throw new Error("the data path and the bare SQL return different rows");
  for (const [status, n] of Object.entries(list.counts)) {
    if ((bareCounts[status] ?? 0) !== n) throw new Error(`counts differ for ${status}: ${n} vs ${bareCounts[status] ?? 0}`);
  }
  const delegatedTotal = Object.values(list.counts).reduce((a, b) => a + b, 0);
  log(`viewer: ${head.name}, ${head.under} people under them, ${delegatedTotal} delegated tasks, ${list.total} active; page of ${list.rows.length} rows`);

  started = Date.now();
  const path = await measure(() => delegatedTasksOf(db, viewer, params, now), { iterations: 300, warmup: 30 });
  const baseline = await measure(bareList, { iterations: 300, warmup: 30 });
  const ratio = round(path.p50 / baseline.p50, 2);
  log(`Delegated data path  p50 ${path.p50} ms  p95 ${path.p95} ms  p99 ${path.p99} ms`);
  log(`bare SQL (same rows) p50 ${baseline.p50} ms  p95 ${baseline.p95} ms  p99 ${baseline.p99} ms`);
  log(`ratio ${ratio} (goal: p50 under 20 ms, ratio under 2)`);

  // Other views of the same list, for information.
  const overdue = await measure(() => delegatedTasksOf(db, viewer, parseListParams({ due: "overdue" }), now), { iterations: 100, warmup: 10 });
  const byActivity = await measure(() => delegatedTasksOf(db, viewer, parseListParams({ sort: "activity", status: "all" }), now), {
    iterations: 100,
    warmup: 10,
  });
  log(
    `overdue filter p50 ${overdue.p50} ms; all statuses by last activity p50 ${byActivity.p50} ms (${((Date.now() - started) / 1000).toFixed(1)} s measuring)`,
  );

  return {
    p50_ms: path.p50,
    ratio,
    p95_ms: path.p95,
    bare_p50_ms: baseline.p50,
    overdue_p50_ms: overdue.p50,
    all_by_activity_p50_ms: byActivity.p50,
    tasks_in_db: scale.counts.tasks,
    people_under: head.under,
    delegated_tasks: delegatedTotal,
    rows: list.rows.length,
  };
}
