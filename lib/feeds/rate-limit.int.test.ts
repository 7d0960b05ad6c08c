import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/db";
import { makeUser } from "@/lib/testing/factories";
import { FETCH_AT, feedToken, fetchFeed } from "./feed-fixtures";
import { TokenBuckets } from "./rate-limit";
import { newFeedToken } from "./token";

describe("feed rate limit", () => {
  it("answers 429 with Retry-After past the burst, for a live and an unknown token alike, and serves again once refilled", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const live = await feedToken(db, owner.viewer, { kind: "own" });
    const unknown = newFeedToken();
    const limiter = new TokenBuckets({ burst: 2, refillSeconds: 60, maxKeys: 100 });
    const at = (seconds: number) => new Date(FETCH_AT.getTime() + seconds * 1000);

    const first = await fetchFeed(db, live, {}, at(0), { limiter });
    expect(first.status).toBe(200);
    expect((await fetchFeed(db, live, { ifNoneMatch: first.headers.ETag }, at(1), { limiter })).status).toBe(304);
    const limited = await fetchFeed(db, live, { ifNoneMatch: first.headers.ETag }, at(2), { limiter });
    expect(limited).toEqual({
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "58" },
      body: "Too many requests\n",
    });

    // An unknown token: the same 404s, then the very same 429: the limit tells nothing about which tokens exist.
    const missing = [await fetchFeed(db, unknown, {}, at(0), { limiter }), await fetchFeed(db, unknown, {}, at(1), { limiter })];
    expect(missing.map((a) => a.status)).toEqual([404, 404]);
    expect(await fetchFeed(db, unknown, {}, at(2), { limiter })).toEqual(limited);

    expect((await fetchFeed(db, live, {}, at(61), { limiter })).status).toBe(200);
    expect((await fetchFeed(db, live, {}, at(62), { limiter })).status).toBe(429);
  });
});
