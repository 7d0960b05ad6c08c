/**
 * `npm run bench -- reconcile [--users 200] [--tasks 100000] [--limit 2000]`
 *
 * The reconcile that catches reminders, overdue notices and escalations a lost event missed
 * runs every minute. With 100,000 tasks in the database this measures one pass over a batch
 * of candidates: the first pass sends the overdue notices and escalations that are due, the
 * following passes over the same batch find them sent (the steady state). A pass is compared
 * with the bare candidate query, whose cost is the floor for any pass.
 */
import { asc, count, inArray } from "drizzle-orm";
import { reconcileCursor, tasks } from "../db/schema";
import { seedScale } from "../db/seed/scale";
import { reconcileCandidates, reconcileTimelines } from "../lib/reminders/reconcile";
import { numberArg, type BenchContext } from "./context";
import { round } from "./measure";

export default async function reconcile({ handle, args, log }: BenchContext) {
  const users = numberArg(args, "users", 200);
  const taskCount = numberArg(args, "tasks", 100_000);
  const limit = numberArg(args, "limit", 2000);
  const db = handle.db;
  log(`seeding ${users} users and ${taskCount} tasks…`);
  const now = new Date();
  await seedScale(db, { users, tasks: taskCount, clients: 200, cases: 500, passwordHash: null, now });
  const [active] = await db
    .select({ n: count() })
    .from(tasks)
    .where(inArray(tasks.status, ["open", "in_progress"]));

  // Each pass continues after the previous one (a cursor); to time the same batch again, rewind.
  const timePass = async () => {
    await db.delete(reconcileCursor);
    const start = performance.now();
    const result = await reconcileTimelines(db, now, { limit });
    return { ms: performance.now() - start, ...result };
  };
  const first = await timePass();
  log(`first pass: checked ${first.checked} tasks, sent ${first.fired} moments in ${round(first.ms, 1)} ms`);
  // The same batch again: everything due is sent, so this is the cost of checking alone.
  const steady: number[] = [];
  let checked = 0;
  for (let i = 0; i < 5; i++) {
    const pass = await timePass();
    steady.push(pass.ms);
    checked += pass.checked;
  }
  steady.sort((a, b) => a - b);
  const p50 = steady[2]!;

  // The floor: the candidate query alone (what a pass costs before it looks at any task).
  const bareStart = performance.now();
  for (let i = 0; i < 5; i++) await db.select({ id: tasks.id }).from(tasks).where(reconcileCandidates(db, now)).orderBy(asc(tasks.id)).limit(limit);
  const bareMs = (performance.now() - bareStart) / 5;

  const figures = {
    tasks_in_db: taskCount,
    active_tasks: active!.n,
    limit,
    first_pass_ms: round(first.ms, 1),
    first_pass_sent: first.fired,
    first_pass_ms_per_sent: round(first.ms / Math.max(1, first.fired), 2),
    pass_p50_ms: round(p50, 1),
    per_task_ms: round(p50 / Math.max(1, checked / 5), 3),
    candidate_query_ms: round(bareMs, 2),
    ratio: round(p50 / Math.max(bareMs, 0.001), 1),
  };
  log(
    `first pass ${round(first.ms / Math.max(1, first.fired), 2)} ms per moment sent; steady pass p50 ${figures.pass_p50_ms} ms for ${Math.round(checked / 5)} tasks (${figures.per_task_ms} ms per task); candidate query alone ${figures.candidate_query_ms} ms`,
  );
  return figures;
}
