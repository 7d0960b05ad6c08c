import { LRUCache } from "lru-cache";

/**
 * Written VEVENTs kept between fetches, least recently used dropped first once their size passes
 * a cap: a feed fetched after one entry changed writes only that entry again.
 *
 * The key must hold everything the text depends on, so no viewer ever gets text written for
 * another: the entry's id, version (bumped by every change and answer), SEQUENCE and last change;
 * whether the details are masked for the feed's creator; whether alarms are written (the
 * creator's own feed); the zone, language and app address; and the last change to anyone the feed
 * names (lib/feeds/serve.ts builds it). A masked and an unmasked text of one entry never share a key.
 * In memory per process; a restart starts cold.
 */
export class FragmentCache {
  private readonly texts: LRUCache<string, string>;

  constructor(maxBytes: number) {
    if (!(maxBytes > 0)) throw new Error("a fragment cache needs a positive size");
    // A text bigger than the whole cache is not kept (lru-cache's maxEntrySize defaults to maxSize).
    this.texts = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (text, key) => cost(key, text) });
  }

  get(key: string): string | undefined {
    return this.texts.get(key);
  }

  set(key: string, text: string): void {
    this.texts.set(key, text);
  }

  clear(): void {
    this.texts.clear();
  }

  get size(): number {
    return this.texts.size;
  }

  get byteSize(): number {
    return this.texts.calculatedSize;
  }
}

/** Two bytes a UTF-16 code unit (what V8 holds for non-Latin-1 text) and a little for the entry. */
function cost(key: string, text: string): number {
  return 2 * (key.length + text.length) + 64;
}

/** 32 MB: some 20,000 events of about 750 bytes. */
export const FRAGMENT_CACHE_BYTES = 32 * 1024 * 1024;

export const feedFragments = new FragmentCache(FRAGMENT_CACHE_BYTES);
