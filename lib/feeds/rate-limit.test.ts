import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./rate-limit";

describe("feed token buckets", () => {
  it("allows a burst, then one fetch per refill period, and says when to come back", () => {
    const limiter = new TokenBuckets({ burst: 3, refillSeconds: 10, maxKeys: 100 });
    const t0 = Date.UTC(2027, 0, 1);
    for (let i = 0; i < 3; i++) expect(limiter.take("a", t0)).toEqual({ allowed: true });
    expect(limiter.take("a", t0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take("a", t0 + 4_000)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(limiter.take("a", t0 + 10_000)).toEqual({ allowed: true });
    expect(limiter.take("a", t0 + 10_000)).toMatchObject({ allowed: false });
    // Another key has its own bucket; a long pause refills only up to the burst.
    expect(limiter.take("b", t0)).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) expect(limiter.take("a", t0 + 3_600_000)).toEqual({ allowed: true });
    expect(limiter.take("a", t0 + 3_600_000)).toMatchObject({ allowed: false });
  });

  it("keeps at most maxKeys buckets, dropping the least recently used", () => {
    const limiter = new TokenBuckets({ burst: 1, refillSeconds: 60, maxKeys: 2 });
    const t0 = 0;
    expect(limiter.take("a", t0)).toEqual({ allowed: true });
    expect(limiter.take("b", t0)).toEqual({ allowed: true });
    expect(limiter.take("a", t0)).toMatchObject({ allowed: false });
    expect(limiter.take("c", t0)).toEqual({ allowed: true });
    expect(limiter.size).toBe(2);
    // "b" was the least recently used: dropped, it starts full again; "a" is still limited.
    expect(limiter.take("b", t0)).toEqual({ allowed: true });
    expect(limiter.take("c", t0)).toMatchObject({ allowed: false });
  });

  it("refuses a limit that could never allow a fetch", () => {
    expect(() => new TokenBuckets({ burst: 0, refillSeconds: 1, maxKeys: 1 })).toThrow();
  });
});
