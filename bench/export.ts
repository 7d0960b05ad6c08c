/**
 * `npm run bench -- export [--users 200] [--tasks 100000] [--format csv|xlsx|both]`
 *
 * The chief executive exports his Team list (everyone is under him), every status: about as many rows as the database
 * holds tasks, streamed as CSV and as XLSX to a sink that only counts bytes, as the download route streams them.
 * Prints rows, bytes, time and the peak resident memory of the process that ran it for each, and the ratio of each
 * export's time to bare SQL reading the same rows through a cursor in batches of the same size (the floor: no
 * formatting, no file). Goal (issue 16): 100,000 rows under 5 s and under 200 MB.
 *
 * On Postgres each export runs in a fresh process of its own (this bench again, with `--viewer`), so its peak resident
 * memory is the export's and not what seeding 100,000 tasks left in this one; `<format>_rss_before_mb` is that
 * process's memory just before the export starts, with everything loaded.
 */
import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq, sql } from "drizzle-orm";
import { users } from "../db/schema";
import { seedScale } from "../db/seed/scale";
import { loadViewer, type Viewer } from "../lib/auth/viewer";
import { EXPORT_BATCH, EXPORT_FORMATS, type ExportFormat } from "../lib/export/stream";
import { exportTaskList } from "../lib/tasks/export";
import { parseListParams, type TaskListParams } from "../lib/tasks/list-params";
import { forEachTaskListBatch } from "../lib/tasks/lists";
import { numberArg, type BenchContext } from "./context";
import { round } from "./measure";
import { stringArg } from "./http-session";

type Figures = Record<string, number | string>;

export default async function exportBench(ctx: BenchContext): Promise<Figures> {
  const { handle, log } = ctx;
  const db = handle.db;
  const options = {
    users: numberArg(ctx.args, "users", 200),
    tasks: numberArg(ctx.args, "tasks", 100_000),
    clients: numberArg(ctx.args, "clients", 500),
    cases: numberArg(ctx.args, "cases", 2000),
  };
  const asked = stringArg(ctx.args, "format", "both");
  const formats: ExportFormat[] = asked === "both" ? ["csv", "xlsx"] : [asked as ExportFormat];
  if (!formats.every((f) => EXPORT_FORMATS.includes(f))) throw new Error("--format is csv, xlsx or both");
  const params = parseListParams({ status: "all" });
  const at = new Date();

  // The measuring process: one export, of a database seeded already.
  const given = stringArg(ctx.args, "viewer", "");
  if (given) return exportOnce(ctx, (await loadViewer(db, given))!, formats[0]!, params, at);

  const started = performance.now();
  const scale = await seedScale(db, options);
  // Every table seeded, not only the one timed: otherwise autovacuum takes up the freshly filled ones (tasks, users,
  // clients, cases) while the timing runs, on the same two cores.
  await db.execute(sql`VACUUM ANALYZE`);
  log(`seeded ${JSON.stringify(scale.counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s (${handle.kind})`);
  const [head] = await db.select({ ceo: users.supervisorId }).from(users).where(eq(users.id, scale.heads[0]!.id));
  const viewer = await loadViewer(db, head!.ceo!);
  if (!viewer) throw new Error("the seeded chief executive is missing");

  const floor = async () => {
    let rows = 0;
    const from = performance.now();
    await forEachTaskListBatch(db, viewer, "team", params, at, EXPORT_BATCH, async (batch) => void (rows += batch.length));
    return { rows, ms: performance.now() - from };
  };
  await floor(); // warm the plan and the caches
  const bare = await floor();
  log(`bare SQL through the cursor: ${bare.rows} rows in ${round(bare.ms, 1)} ms`);
  const figures: Figures = { rows: bare.rows, bare_ms: round(bare.ms, 1) };
  for (const format of formats) {
    // On Postgres each export runs in a fresh process (this bench again, with --viewer): its peak resident memory is
    // the export's, not what seeding 100,000 tasks left in this one. PGlite's database lives in this process.
    const result =
      handle.kind === "postgres" && process.env.DATABASE_URL ? inFreshProcess(ctx, viewer.id, format) : await exportOnce(ctx, viewer, format, params, at);
    const ms = Number(result.ms);
    log(
      `${format}: ${bare.rows} rows, ${round(Number(result.bytes) / 1024 / 1024, 1)} MB in ${round(ms, 1)} ms ` +
        `(ratio ${round(ms / bare.ms, 2)} to bare SQL), peak RSS ${result.peak_rss_mb} MB (${result.rss_before_mb} MB before it started)`,
    );
    figures[`${format}_ms`] = round(ms, 1);
    figures[`${format}_bytes`] = result.bytes!;
    figures[`${format}_peak_rss_mb`] = result.peak_rss_mb!;
    figures[`${format}_rss_before_mb`] = result.rss_before_mb!;
    figures[`${format}_ratio`] = round(ms / bare.ms, 2);
  }
  // The names: `ms` and `peak_rss_mb` of the slower format (XLSX when both run).
  const worst = formats.includes("xlsx") ? "xlsx" : "csv";
  figures.ms = figures[`${worst}_ms`]!;
  figures.peak_rss_mb = figures[`${worst}_peak_rss_mb`]!;
  return figures;
}

/** One export of the viewer's Team list to a sink that counts bytes and rows, with the process's peak resident memory. */
async function exportOnce(ctx: BenchContext, viewer: Viewer, format: ExportFormat, params: TaskListParams, at: Date): Promise<Figures> {
  if (global.gc) global.gc();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let bytes = 0;
  const started = performance.now();
  try {
    await pipeline(
      exportTaskList(ctx.handle.db, viewer, "team", params, format, at),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: round(ms, 1), bytes, peak_rss_mb: round(peak / 1024 / 1024, 1), rss_before_mb: round(before / 1024 / 1024, 1) };
}

/** Runs one export in a new process on the seeded database and returns its figures. */
function inFreshProcess(ctx: BenchContext, viewerId: string, format: ExportFormat): Figures {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, "export", "--viewer", viewerId, "--format", format], {
    encoding: "utf8",
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the ${format} export process ended with ${child.status ?? child.signal}`);
  const { bench: _bench, engine: _engine, at: _at, ...figures } = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Figures;
  return figures;
}
