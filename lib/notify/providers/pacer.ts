/**
 * Keeps the requests to a rate-limited API under its limit, at the moment each request is made.
 * Pacing where a job starts is not enough: how long a job takes before it calls the API
 * (loading, rendering) varies, so requests bunch up and the API answers 429, or the starts are
 * spaced so widely that the limit is never reached. Here a caller prepares its request first and
 * only then waits for its turn, so the next request is ready the moment the limit allows it.
 */

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PacerOptions {
  /**
   * At most this many requests within any `periodMs`. The API counts a request when it arrives,
   * somewhere between our start and its answer; the answer is the only moment known not to be
   * earlier, so a request's period runs from its answer. That costs one answer time per period
   * and never a 429 from this process, however slow the network or the event loop.
   */
  limit: number;
  periodMs: number;
  /** Slack for clocks that tick in whole milliseconds and for windows that include their edge. */
  marginMs?: number;
  clock?: PacerClock;
}

export interface Pacer {
  /** Runs `call` as soon as the limit allows; callers get their turns in the order they asked. */
  run<T>(call: () => Promise<T>): Promise<T>;
  /** The API said to wait (429 with Retry-After): no request of this process starts before then. */
  pause(ms: number): void;
}

export function createPacer(options: PacerOptions): Pacer {
  const { limit, periodMs, marginMs = 10, clock = systemClock } = options;
  if (!(limit >= 1) || !(periodMs > 0)) throw new Error("pacer: limit must be at least 1 and the period positive");
  // When each slot may be used again; null while its request is in flight.
  const freeAt: (number | null)[] = Array.from({ length: limit }, () => -Infinity);
  let pausedUntil = -Infinity;
  let releases: (() => void)[] = [];
  // Turns are taken one at a time, in the order callers arrived.
  let queue: Promise<unknown> = Promise.resolve();

  async function takeSlot(): Promise<number> {
    for (;;) {
      let best = -1;
      for (let i = 0; i < limit; i++) {
        const at = freeAt[i]!;
        if (at !== null && (best < 0 || at < freeAt[best]!)) best = i;
      }
      if (best < 0) {
        await new Promise<void>((resolve) => releases.push(resolve));
        continue;
      }
      const wait = Math.max(freeAt[best]!, pausedUntil) - clock.now();
      // Looked at again after the wait: a pause may have come in meanwhile.
      if (wait > 0) {
        await clock.sleep(wait);
        continue;
      }
      freeAt[best] = null;
      return best;
    }
  }

  return {
    async run(call) {
      const turn = queue.then(takeSlot);
      queue = turn.catch(() => undefined);
      const slot = await turn;
      try {
        return await call();
      } finally {
        freeAt[slot] = clock.now() + periodMs + marginMs;
        const waiting = releases;
        releases = [];
        for (const release of waiting) release();
      }
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
  };
}
