import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarFeeds, users } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { GET as feedGET } from "@/app/api/feeds/[token]/route";
import { createFeedAction, regenerateFeedAction, renameFeedAction, revokeFeedAction } from "./actions";
import { fetchFeed } from "./feed-fixtures";
import { allFeeds, feedsOf } from "./queries";
import { feedTokenHash } from "./token";

const tokenOf = (url: string) => /\/api\/feeds\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;

async function feedRow(id: string) {
  const db = await testDb();
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.id, id));
  return row!;
}

async function ownFeed() {
  const db = await testDb();
  const owner = await makeUser(db);
  const stranger = await makeUser(db);
  actAs(owner.viewer);
  const created = await createFeedAction({ kind: "own", name: "Mój kalendarz", includeTasks: true });
  if (!created.ok) throw new Error("setup failed");
  return { owner, stranger, ...created.data, token: tokenOf(created.data.url) };
}

describe("feed actions", () => {
  it("creates a feed whose URL carries a 256-bit token shown once; only its SHA-256 is stored", async () => {
    const { id, url, token, owner } = await ownFeed();
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const row = await feedRow(id);
    expect(row).toMatchObject({ ownerId: owner.id, kind: "own", targetId: null, includeTasks: true, daysBack: 30, daysAhead: 365, revokedAt: null });
    expect(row.tokenHash).toBe(feedTokenHash(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await feedsOf(await testDb(), owner.viewer);
    expect(listed.map((f) => f.id)).toEqual([id]);
    expect(JSON.stringify(listed)).not.toContain(token);
  });

  it("refuses bad input and a feed of what the creator may not see, writing nothing", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const gone = await makeUser(db, { active: false });
    actAs(me.viewer);
    expect(await createFeedAction({ kind: "person", name: "X" })).toMatchObject({ ok: false, fieldErrors: { targetId: expect.any(Array) } });
    expect(await createFeedAction({ kind: "own", name: "  " })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(Array) } });
    expect(await createFeedAction({ kind: "own", name: "X", daysAhead: 5000 })).toMatchObject({ ok: false, fieldErrors: { daysAhead: expect.any(Array) } });
    expect(await createFeedAction({ kind: "person", name: "X", targetId: gone.id })).toMatchObject({ ok: false, error: expect.any(String) });
    expect(await createFeedAction({ kind: "person", name: "X", targetId: me.id })).toMatchObject({ ok: false });
    expect(await createFeedAction({ kind: "team", name: "X", targetId: crypto.randomUUID() })).toMatchObject({ ok: false });
    expect(await createFeedAction({ kind: "resource", name: "X", targetId: crypto.randomUUID() })).toMatchObject({ ok: false });
    expect(await feedsOf(db, me.viewer)).toEqual([]);
  });

  it("refuses a signed-out visitor", async () => {
    actAs(null);
    expect(await createFeedAction({ kind: "own", name: "X" })).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("renames, regenerates (the old URL dies) and revokes for the owner only; another person is refused and nothing changes", async () => {
    const db = await testDb();
    const { id, token, owner, stranger } = await ownFeed();
    const before = await feedRow(id);

    actAs(stranger.viewer);
    expect(await renameFeedAction({ id, name: "Przejęty" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await regenerateFeedAction({ id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeFeedAction({ id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await feedRow(id)).toEqual(before);
    expect((await fetchFeed(db, token)).status).toBe(200);

    actAs(owner.viewer);
    expect(await renameFeedAction({ id, name: "Służbowy" })).toMatchObject({ ok: true });
    expect((await feedRow(id)).name).toBe("Służbowy");
    const regenerated = await regenerateFeedAction({ id });
    if (!regenerated.ok) throw new Error("regenerate failed");
    const fresh = tokenOf(regenerated.data.url);
    expect(fresh).not.toBe(token);
    expect((await fetchFeed(db, token)).status).toBe(404);
    expect((await fetchFeed(db, fresh)).status).toBe(200);

    expect(await revokeFeedAction({ id })).toMatchObject({ ok: true });
    expect((await fetchFeed(db, fresh)).status).toBe(404);
    expect(await renameFeedAction({ id, name: "Znowu" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await feedsOf(db, owner.viewer)).toEqual([]);
  });

  it("lets an admin list and revoke anyone's feed, but not take its URL; a member may not list them all", async () => {
    const db = await testDb();
    const { id, token, stranger } = await ownFeed();
    const admin = await makeUser(db, { role: "admin" });
    await expect(allFeeds(db, stranger.viewer)).rejects.toMatchObject({ code: "forbidden" });
    expect((await allFeeds(db, admin.viewer)).map((f) => f.id)).toContain(id);

    actAs(admin.viewer);
    expect(await regenerateFeedAction({ id })).toMatchObject({ ok: false, code: "not_found" });
    expect((await fetchFeed(db, token)).status).toBe(200);
    expect(await revokeFeedAction({ id })).toMatchObject({ ok: true });
    expect((await feedRow(id)).revokedAt).not.toBeNull();
    expect((await fetchFeed(db, token)).status).toBe(404);
    expect((await allFeeds(db, admin.viewer)).map((f) => f.id)).not.toContain(id);
  });

  it("answers 404 with the same body for an unknown, malformed or revoked token and for a deactivated creator", async () => {
    const db = await testDb();
    const { token, owner } = await ownFeed();
    const unknown = await fetchFeed(db, "x".repeat(43));
    expect(unknown.status).toBe(404);
    for (const segment of ["", "..%2F..", "a".repeat(5000), "ż", token.slice(0, -1)]) {
      expect(await fetchFeed(db, segment)).toEqual(unknown);
    }
    await db.update(users).set({ active: false }).where(eq(users.id, owner.id));
    expect(await fetchFeed(db, token)).toEqual(unknown);
  });
});

describe("the feed route", () => {
  it("serves a live token as text/calendar and an unknown one as a plain 404", async () => {
    const { token } = await ownFeed();
    const ok = await feedGET(new Request(`http://localhost/api/feeds/${token}.ics`, { headers: { "user-agent": "Google-Calendar-Importer" } }), {
      params: Promise.resolve({ token: `${token}.ics` }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(ok.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(await ok.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    const again = await feedGET(new Request("http://localhost/x", { headers: { "if-none-match": ok.headers.get("etag")! } }), {
      params: Promise.resolve({ token }),
    });
    expect(again.status).toBe(304);
    const missing = await feedGET(new Request("http://localhost/x"), { params: Promise.resolve({ token: "nope" }) });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Not found\n");
  });
});
