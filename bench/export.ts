/**
 * `npm run bench -- export [--users 200] [--tasks 100000] [--format csv|xlsx|both]`
 *
 * The chief executive exports his Team list (everyone is under him), every status: about as many rows as the database
 * holds tasks, streamed as CSV and as XLSX to a sink that only counts bytes, as the download route streams them.
 * Prints rows, bytes, time and the process's peak resident memory for each, and the ratio of each export's time to
 * bare SQL reading the same rows through a cursor in batches of the same size (the floor: no formatting, no file).
 * Goal (issue 16): 100,000 rows under 5 s and under 200 MB.
 */
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq, sql } from "drizzle-orm";
import { users } from "../db/schema";
import { seedScale } from "../db/seed/scale";
import { loadViewer } from "../lib/auth/viewer";
import { EXPORT_BATCH, exportTaskList, type ExportFormat } from "../lib/tasks/export";
import { parseListParams } from "../lib/tasks/list-params";
import { forEachTaskListBatch } from "../lib/tasks/lists";
import { numberArg, type BenchContext } from "./context";
import { round } from "./measure";
import { stringArg } from "./http-session";

export default async function exportBench(ctx: BenchContext) {
  const { handle, log } = ctx;
  const db = handle.db;
  const options = {
    users: numberArg(ctx.args, "users", 200),
    tasks: numberArg(ctx.args, "tasks", 100_000),
    clients: numberArg(ctx.args, "clients", 500),
    cases: numberArg(ctx.args, "cases", 2000),
  };
  const formats = stringArg(ctx.args, "format", "both");

  let started = performance.now();
  const scale = await seedScale(db, options);
  await db.execute(sql`VACUUM ANALYZE tasks`);
  log(`seeded ${JSON.stringify(scale.counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s (${handle.kind})`);
  const [head] = await db.select({ ceo: users.supervisorId }).from(users).where(eq(users.id, scale.heads[0]!.id));
  const viewer = await loadViewer(db, head!.ceo!);
  if (!viewer) throw new Error("the seeded chief executive is missing");
  const params = parseListParams({ status: "all" });
  const at = new Date();

  // Peak resident memory, sampled while each run goes.
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);

  const floor = async () => {
    let rows = 0;
    started = performance.now();
    await forEachTaskListBatch(db, viewer, "team", params, at, EXPORT_BATCH, async (batch) => void (rows += batch.length));
    return { rows, ms: performance.now() - started };
  };
  const run = async (format: ExportFormat) => {
    if (global.gc) global.gc();
    peak = 0;
    sample();
    let bytes = 0;
    started = performance.now();
    await pipeline(
      exportTaskList(db, viewer, "team", params, format, at),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
    const ms = performance.now() - started;
    sample();
    return { ms, bytes, peakMb: peak / 1024 / 1024 };
  };

  await floor(); // warm the plan and the caches
  const bare = await floor();
  log(`bare SQL through the cursor: ${bare.rows} rows in ${round(bare.ms, 1)} ms`);
  const figures: Record<string, number | string> = { rows: bare.rows, bare_ms: round(bare.ms, 1) };
  for (const format of formats === "both" ? (["csv", "xlsx"] as const) : [formats as ExportFormat]) {
    const result = await run(format);
    log(
      `${format}: ${bare.rows} rows, ${round(result.bytes / 1024 / 1024, 1)} MB in ${round(result.ms, 1)} ms ` +
        `(ratio ${round(result.ms / bare.ms, 2)} to bare SQL), peak RSS ${round(result.peakMb, 1)} MB`,
    );
    figures[`${format}_ms`] = round(result.ms, 1);
    figures[`${format}_bytes`] = result.bytes;
    figures[`${format}_peak_rss_mb`] = round(result.peakMb, 1);
    figures[`${format}_ratio`] = round(result.ms / bare.ms, 2);
  }
  clearInterval(timer);
  // The names: `ms` and `peak_rss_mb` of the slower format (XLSX when both run).
  const worst = formats === "csv" ? "csv" : "xlsx";
  figures.ms = figures[`${worst}_ms`]!;
  figures.peak_rss_mb = figures[`${worst}_peak_rss_mb`]!;
  return figures;
}
