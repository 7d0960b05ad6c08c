import { LRUCache } from "lru-cache";

/**
 * A token bucket per feed token, in this process's memory: each token may be fetched `burst`
 * times at once, then once every `refillSeconds`. Clients poll far less often (Google every
 * 8 to 24 hours, Outlook about hourly, Apple at most every 5 minutes, a few devices sharing one
 * URL), so only a runaway client or a scraper meets the limit.
 *
 * The key is the token's hash, taken before the token is looked up: an unknown token is limited
 * exactly as a live one is, so 429 versus 404 tells nothing about which tokens exist. Several
 * server processes each keep their own buckets (the limit is then per process); a restart
 * forgets them. At most `maxKeys` buckets are kept, the least recently used dropped first (a
 * dropped bucket starts full again): this caps memory, and is no defence against a flood of
 * distinct tokens, which belongs to the proxy in front.
 */
export interface RateLimitOptions {
  burst: number;
  refillSeconds: number;
  maxKeys: number;
}

export const FEED_RATE_LIMIT: RateLimitOptions = { burst: 30, refillSeconds: 30, maxKeys: 10_000 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets: LRUCache<string, Bucket>;

  constructor(private readonly options: RateLimitOptions = FEED_RATE_LIMIT) {
    if (!(options.burst >= 1 && options.refillSeconds > 0 && options.maxKeys >= 1))
      throw new Error("a rate limit needs burst >= 1, refillSeconds > 0, maxKeys >= 1");
    this.buckets = new LRUCache<string, Bucket>({ max: options.maxKeys });
  }

  /** Takes one fetch from the key's bucket at `nowMs`, or says how many whole seconds until one is back. */
  take(key: string, nowMs: number): RateDecision {
    const { burst, refillSeconds } = this.options;
    const found = this.buckets.get(key);
    const elapsed = found ? Math.max(0, nowMs - found.at) / 1000 : 0;
    const tokens = found ? Math.min(burst, found.tokens + elapsed / refillSeconds) : burst;
    // Written back either way: the bucket becomes the most recently used.
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: nowMs });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) * refillSeconds - 1e-9)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
    return { allowed: true };
  }

  get size(): number {
    return this.buckets.size;
  }
}
