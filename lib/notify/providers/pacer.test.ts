import { describe, expect, it } from "vitest";
import { createPacer, type PacerClock } from "./pacer";

/** A clock that moves only when told, so the pacer's decisions are checked exactly. */
function fakeClock() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  const clock: PacerClock = {
    now: () => now,
    sleep: (ms) => new Promise<void>((resolve) => timers.push({ at: now + ms, resolve })),
  };
  return {
    clock,
    get now() {
      return now;
    },
    /** Moves time forward to `to`, firing each timer at its own moment and letting its callers run. */
    async advanceTo(to: number) {
      await settle();
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > to) break;
        timers.shift();
        now = Math.max(now, next.at);
        next.resolve();
        await settle();
      }
      now = Math.max(now, to);
      await settle();
    },
  };
}

describe("pacer", () => {
  it("starts `limit` requests at once and the next one a period (plus margin) after the first answered", async () => {
    const time = fakeClock();
    const pacer = createPacer({ limit: 2, periodMs: 1000, marginMs: 10, clock: time.clock });
    const starts: number[] = [];
    const all = Promise.all(
      Array.from({ length: 5 }, () =>
        pacer.run(async () => {
          starts.push(time.now);
        }),
      ),
    );
    await time.advanceTo(5000);
    await all;
    expect(starts).toEqual([0, 0, 1010, 1010, 2020]);
  });

  it("counts a request from its answer, and keeps a slot taken while its request is in flight", async () => {
    const time = fakeClock();
    const pacer = createPacer({ limit: 1, periodMs: 1000, marginMs: 0, clock: time.clock });
    const starts: number[] = [];
    const call = (ms: number) =>
      pacer.run(async () => {
        starts.push(time.now);
        await time.clock.sleep(ms);
      });
    const all = Promise.all([call(100), call(2000), call(0), call(0)]);
    await time.advanceTo(10_000);
    await all;
    expect(starts).toEqual([0, 1100, 4100, 5100]);
  });

  it("keeps any window of one period to `limit` counted requests whatever the calls take", async () => {
    const time = fakeClock();
    const limit = 2;
    const pacer = createPacer({ limit, periodMs: 1000, marginMs: 10, clock: time.clock });
    const durations = [30, 400, 5, 0, 1200, 90, 260, 10, 700, 1, 50, 300];
    const calls: { start: number; end: number }[] = [];
    const all = Promise.all(
      durations.map((ms) =>
        pacer.run(async () => {
          const start = time.now;
          await time.clock.sleep(ms);
          calls.push({ start, end: time.now });
        }),
      ),
    );
    await time.advanceTo(60_000);
    await all;
    expect(calls).toHaveLength(durations.length);
    // Wherever the API counted each request (between its start and its answer), no request
    // starts while `limit` others could still be counted within the period before it.
    for (const call of calls) {
      const live = calls.filter((other) => other.start <= call.start && call.start < other.end + 1000);
      expect(live.length).toBeLessThanOrEqual(limit);
    }
  });

  it("holds back every caller during a pause the API asked for", async () => {
    const time = fakeClock();
    const pacer = createPacer({ limit: 2, periodMs: 1000, marginMs: 0, clock: time.clock });
    const starts: number[] = [];
    await pacer.run(async () => undefined);
    pacer.pause(3000);
    const all = Promise.all([1, 2].map(() => pacer.run(async () => starts.push(time.now))));
    await time.advanceTo(10_000);
    await all;
    expect(starts).toEqual([3000, 3000]);
  });

  it("frees the slot of a call that failed, one period later", async () => {
    const time = fakeClock();
    const pacer = createPacer({ limit: 1, periodMs: 1000, marginMs: 0, clock: time.clock });
    const failed = pacer.run(async () => {
      throw new Error("network");
    });
    const next = pacer.run(async () => time.now);
    await expect(failed).rejects.toThrow("network");
    await time.advanceTo(5000);
    await expect(next).resolves.toBe(1000);
  });

  it("gives turns in the order callers asked", async () => {
    const time = fakeClock();
    const pacer = createPacer({ limit: 1, periodMs: 500, marginMs: 0, clock: time.clock });
    const order: number[] = [];
    const all = Promise.all([0, 1, 2, 3, 4].map((n) => pacer.run(async () => order.push(n))));
    await time.advanceTo(5000);
    await all;
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });
});
