/**
 * `npm run bench -- bell [--users 1000] [--notices 40] [--seconds 5] [--concurrency 16]`
 *
 * 1,000 signed-in people whose bells poll every 4 s (250 polls a second). Each has a live
 * session and `--notices` notifications (a few unread). A poll costs, in the real functions the
 * request runs:
 *   - the session check in proxy.ts: the JWT cookie decoded, then the session row with its person
 *     (lib/auth/session-token.ts sessionOfToken), which the route's currentUser() takes over
 *     (lib/auth/session-handoff.ts) instead of reading it again;
 *   - then either the validator alone (lib/notify/bell.ts bellVersionOf; a matching If-None-Match
 *     makes the answer 304) or the validator, the unread count and the rendered list (200).
 * Reports p50 of one poll each way, the validator against bare SQL doing the same read, and how
 * many polls a second this process sustains with `--concurrency` polls in flight over random
 * users (Node and Postgres on the same machine). Next's own request handling is not included.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { encode } from "@auth/core/jwt";
import { users } from "../db/schema";
import { handOffSession, takeHandedOffSession } from "../lib/auth/session-handoff";
import { sessionOfToken } from "../lib/auth/session-token";
import { startSession } from "../lib/auth/sessions";
import { loadViewer } from "../lib/auth/viewer";
import { invitationAnswersFor } from "../lib/calendar/invitations";
import { bellFeedOf, bellVersionOf, BELL_ITEMS } from "../lib/notify/bell";
import { numberArg, type BenchContext } from "./context";
import { measure, round } from "./measure";

const BARE_CHECK_SQL = `
  SELECT u.locale, u.time_zone, u.date_format,
    (SELECT count(*)::int FROM notifications n WHERE n.recipient_id = u.id AND n.read_at IS NULL) AS unread,
    (SELECT string_agg(h.id::text || '/' || coalesce((extract(epoch FROM h.read_at) * 1000000)::bigint::text, '-') || '/' || coalesce(
         CASE WHEN h.kind IN ('calendar.invited', 'calendar.rescheduled') THEN (
           SELECT a.response::text FROM calendar_entry_attendees a JOIN calendar_entries e ON e.id = a.entry_id AND e.cancelled_at IS NULL
           WHERE a.entry_id = (h.payload ->> 'entryId')::uuid AND a.user_id = h.recipient_id) END, ''), ',' ORDER BY h.created_at DESC, h.id DESC)
       FROM (SELECT n.id, n.read_at, n.created_at, n.kind, n.payload, n.recipient_id FROM notifications n WHERE n.recipient_id = u.id
             ORDER BY n.created_at DESC, n.id DESC LIMIT ${BELL_ITEMS}) h) AS head
  FROM users u WHERE u.id = $1`;

type Row = Record<string, unknown>;
interface PostgresClient {
  unsafe: (query: string, params: unknown[], options?: { prepare?: boolean }) => Promise<Row[]>;
}
interface PgliteClient {
  query: (query: string, params: unknown[]) => Promise<{ rows: Row[] }>;
}

const SALT = "authjs.session-token";
const LIFETIME = { absoluteHours: 12, idleHours: 8 };

export default async function bell(ctx: BenchContext) {
  const { handle, log } = ctx;
  const db = handle.db;
  const people = numberArg(ctx.args, "users", 1000);
  const perUser = numberArg(ctx.args, "notices", 40);
  const seconds = numberArg(ctx.args, "seconds", 5);
  const concurrency = numberArg(ctx.args, "concurrency", 16);

  let started = Date.now();
  const tag = randomBytes(4).toString("hex");
  const ids: string[] = [];
  for (let i = 0; i < people; i += 500) {
    const batch = Array.from({ length: Math.min(500, people - i) }, (_, k) => ({
      email: `bell-${tag}-${i + k}@bench.example`,
      name: `Bell ${i + k}`,
      locale: (i + k) % 3 === 0 ? ("en" as const) : ("pl" as const),
    }));
    ids.push(...(await db.insert(users).values(batch).returning({ id: users.id })).map((r) => r.id));
  }
  // Notices written inside the database: every kind the bell renders the same way, a few of each person's unread.
  await db.execute(sql`
    INSERT INTO notifications (recipient_id, kind, priority, title, body, link, dedupe_key, status, payload, created_at, read_at)
    SELECT u.id, 'task.assigned', 'normal', 'Nowe zadanie', '', '/tasks/x', 'bell-' || ${tag} || '-' || u.id || '-' || g,
           'sent', jsonb_build_object('taskId', gen_random_uuid(), 'taskNumber', g, 'title', 'Zadanie ' || g, 'actorName', 'Anna Nowak', 'priority', 'normal'),
           now() - make_interval(mins => g * 7), CASE WHEN g > 3 THEN now() - make_interval(mins => g * 5) END
    FROM users u CROSS JOIN generate_series(1, ${perUser}) g
    WHERE u.email LIKE ${`bell-${tag}-%`}`);
  await db.execute(sql`VACUUM ANALYZE notifications`);
  await db.execute(sql`VACUUM ANALYZE users`);
  const secret = randomBytes(32).toString("base64");
  const cookies: string[] = [];
  for (const id of ids) {
    const session = await startSession(db, id, LIFETIME);
    cookies.push(await encode({ secret, salt: SALT, token: { uid: id, sid: session!.id, sxp: Math.floor(session!.expiresAt.getTime() / 1000) } }));
  }
  log(
    `seeded ${people} people with ${perUser} notices each (${people * perUser} notices) and a session each in ${((Date.now() - started) / 1000).toFixed(1)} s (${handle.kind})`,
  );

  /** One request's session check: the cookie decoded, its session row and person read. */
  const sessionCheck = async (cookie: string) => {
    const live = await sessionOfToken(db, cookie, secret, SALT);
    if (!live) throw new Error("session gone");
    return live.viewer;
  };
  const viewerOf = async (i: number) => {
    const cookie = cookies[i]!;
    const live = await sessionOfToken(db, cookie, secret, SALT); // proxy.ts
    if (!live) throw new Error("session gone");
    // The route's currentUser(): what the proxy read, handed over in memory.
    return takeHandedOffSession(handOffSession(cookie, live), cookie)!.viewer;
  };
  const unchangedPoll = async (i: number) => bellVersionOf(db, await viewerOf(i));
  const fullPoll = async (i: number) => {
    const viewer = await viewerOf(i);
    await bellVersionOf(db, viewer);
    const feed = await bellFeedOf(db, viewer);
    // The route adds each invitation's answer (app/api/notifications/route.ts).
    await invitationAnswersFor(
      db,
      viewer,
      feed.items.map((item) => item.id),
    );
    return feed;
  };

  const client = (db as unknown as { $client: PostgresClient | PgliteClient }).$client;
  const bareCheck = async (id: string): Promise<Row[]> =>
    handle.kind === "postgres"
      ? (client as PostgresClient).unsafe(BARE_CHECK_SQL, [id], { prepare: true })
      : (await (client as PgliteClient).query(BARE_CHECK_SQL, [id])).rows;

  // Same state both ways, or the comparison means nothing.
  const probe = (await loadViewer(db, ids[0]!))!;
  const [bare] = await bareCheck(probe.id);
  const feed = await bellFeedOf(db, probe);
  if (Number(bare!.unread) !== feed.unread) throw new Error("the validator's unread count differs from the feed's");
  if (
    String(bare!.head)
      .split(",")
      .map((h) => h.split("/")[0])
      .join() !== feed.items.map((item) => item.id).join()
  )
    throw new Error("the validator reads other notices than the feed shows");

  let n = 0;
  const next = () => n++ % people;
  started = Date.now();
  const session = await measure(() => sessionCheck(cookies[next()]!), { iterations: 500, warmup: 50 });
  const check = await measure(() => bellVersionOf(db, probe), { iterations: 500, warmup: 50 });
  const bareSql = await measure(() => bareCheck(ids[next()]!), { iterations: 500, warmup: 50 });
  const unchanged = await measure(() => unchangedPoll(next()), { iterations: 500, warmup: 50 });
  const full = await measure(() => fullPoll(next()), { iterations: 300, warmup: 30 });
  log(`session check (one)         p50 ${session.p50} ms  p95 ${session.p95} ms`);
  log(`validator                   p50 ${check.p50} ms  p95 ${check.p95} ms; bare SQL p50 ${bareSql.p50} ms`);
  log(`unchanged poll (304)        p50 ${unchanged.p50} ms  p95 ${unchanged.p95} ms  p99 ${unchanged.p99} ms`);
  log(`full poll (200)             p50 ${full.p50} ms  p95 ${full.p95} ms  p99 ${full.p99} ms (${((Date.now() - started) / 1000).toFixed(1)} s measuring)`);

  /** Polls of random users, `concurrency` in flight, for `seconds`: completed polls a second. */
  const sustained = async (pollOnce: (i: number) => Promise<unknown>) => {
    const until = Date.now() + seconds * 1000;
    let done = 0;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          await pollOnce(Math.floor(Math.random() * people));
          done++;
        }
      }),
    );
    return Math.round(done / (Number(process.hrtime.bigint() - t0) / 1e9));
  };
  const pollsPerS = await sustained(unchangedPoll);
  const fullPollsPerS = await sustained(fullPoll);
  const demand = people / 4;
  log(
    `sustained with ${concurrency} in flight: ${pollsPerS} unchanged polls/s, ${fullPollsPerS} full polls/s; ${people} people at one poll per 4 s ask ${demand}/s`,
  );

  return {
    poll_p50_ms: unchanged.p50,
    polls_per_s: pollsPerS,
    poll_p95_ms: unchanged.p95,
    full_poll_p50_ms: full.p50,
    full_polls_per_s: fullPollsPerS,
    session_check_p50_ms: session.p50,
    check_p50_ms: check.p50,
    bare_check_p50_ms: bareSql.p50,
    ratio: round(check.p50 / bareSql.p50, 2),
    demand_polls_per_s: demand,
    users: people,
    notices_per_user: perUser,
    concurrency,
  };
}
