/**
 * `npm run bench -- delegated-page [--url http://127.0.0.1:3000] [--email someone@x] [--password P] [--requests 60]`
 *
 * The Delegated page as a browser gets it, from a running production server (`npm run build`,
 * then `npm start`) on the database DATABASE_URL names, seeded at scale
 * (`npm run db:seed -- --users 200 --tasks 100000 --clients 500 --cases 2000`). Signs in as the
 * manager who delegated the most (or `--email`), fetches /tasks/delegated `--requests` times one
 * after another and reports the server's render time (request to last byte, p50/p95), the HTML's
 * size raw and gzipped, and the first-load JavaScript: every script the HTML references (except the
 * `nomodule` polyfills that current browsers skip), gzipped. Its baseline is the same server's
 * `/api/health` (one `select 1` through the proxy and a route handler: the floor of any request
 * that reads the database), fetched in turn with the page so that both see the same machine, and
 * `ratio` is the page's p50 over the floor's: runs on machines of different speed compare by it.
 */
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { numberArg, type BenchContext } from "./context";
import { firstLoadScripts, signIn, stringArg } from "./http-session";
import { percentiles, round } from "./measure";

export default async function delegatedPage(ctx: BenchContext) {
  const { handle, log, args } = ctx;
  const base = stringArg(args, "url", "http://127.0.0.1:3000").replace(/\/$/, "");
  const password = stringArg(args, "password", "Baton-scale-2026");
  const requests = numberArg(args, "requests", 60);

  let email = stringArg(args, "email", "");
  if (!email) {
    // The manager with the most delegated tasks: the heaviest Delegated page in the database.
    const rows = await handle.db.execute<{ email: string; n: number }>(sql`
      SELECT u.email, count(*)::int AS n FROM tasks t JOIN users u ON u.id = t.created_by_id
      WHERE u.role = 'manager' AND u.active AND u.email LIKE 'scale-%' AND t.assignee_id <> t.created_by_id
      GROUP BY u.email ORDER BY n DESC LIMIT 1`);
    const first = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { email: string; n: number }[] }).rows)[0];
    if (!first) throw new Error("no scale manager with delegated tasks: seed with `npm run db:seed -- --users 200 --tasks 100000`");
    email = first.email;
    log(`viewer: ${email}, ${first.n} delegated tasks`);
  }

  const jar = await signIn(base, email, password);
  const page = async () => {
    const response = await fetch(`${base}/tasks/delegated`, { headers: { cookie: jar.header() }, redirect: "manual" });
    if (response.status !== 200) throw new Error(`/tasks/delegated answered ${response.status}`);
    return response.text();
  };

  const html = await page();
  const js = await firstLoadScripts(base, html);
  const htmlRaw = Buffer.byteLength(html);
  const htmlGzip = gzipSync(html).length;
  const options = (html.match(/<option\b/g) ?? []).length;
  log(`HTML ${round(htmlRaw / 1024, 1)} KB (${round(htmlGzip / 1024, 1)} KB gzip), ${options} <option> elements`);
  log(`first-load JS: ${js.scripts} scripts, ${round(js.raw / 1024, 1)} KB (${round(js.gzip / 1024, 1)} KB gzip)`);

  const health = async () => {
    const response = await fetch(`${base}/api/health`, { headers: { cookie: jar.header() } });
    if (response.status !== 200) throw new Error(`/api/health answered ${response.status}`);
    return response.text();
  };
  const timed = async (fn: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // In turn, one of each: a machine that slows down for a while slows both alike.
  for (let i = 0; i < Math.min(10, requests); i++) {
    await page();
    await health();
  }
  const pageTimes: number[] = [];
  const healthTimes: number[] = [];
  for (let i = 0; i < requests; i++) {
    pageTimes.push(await timed(page));
    healthTimes.push(await timed(health));
  }
  const render = percentiles(pageTimes);
  const floor = percentiles(healthTimes);
  const ratio = round(render.p50 / floor.p50, 2);
  log(`server render p50 ${render.p50} ms  p95 ${render.p95} ms (${requests} requests)`);
  log(`baseline /api/health p50 ${floor.p50} ms (fetched in turn with the page); ratio ${ratio}`);
  return {
    render_p50_ms: render.p50,
    render_p95_ms: render.p95,
    health_p50_ms: floor.p50,
    ratio,
    html_kb: round(htmlRaw / 1024, 1),
    html_gzip_kb: round(htmlGzip / 1024, 1),
    options,
    first_load_js_gzip_kb: round(js.gzip / 1024, 1),
    first_load_js_kb: round(js.raw / 1024, 1),
    scripts: js.scripts,
    requests,
  };
}
