import { describe, expect, it } from "vitest";
import { FragmentCache } from "./fragment-cache";

describe("feed fragment cache", () => {
  it("keeps texts under its byte cap, dropping the least recently used first", () => {
    const cache = new FragmentCache(2 * (2 * 11 + 64));
    cache.set("a", "0123456789");
    cache.set("b", "0123456789");
    expect(cache.size).toBe(2);
    expect(cache.get("a")).toBe("0123456789");
    cache.set("c", "0123456789");
    // "b" was the least recently used.
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("0123456789");
    expect(cache.get("c")).toBe("0123456789");
    expect(cache.byteSize).toBeLessThanOrEqual(2 * (2 * 11 + 64));
  });

  it("replaces a key's text, skips a text larger than the cap, and clears", () => {
    const cache = new FragmentCache(200);
    cache.set("a", "x");
    cache.set("a", "y");
    expect(cache.get("a")).toBe("y");
    expect(cache.size).toBe(1);
    cache.set("big", "z".repeat(200));
    expect(cache.get("big")).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.byteSize).toBe(0);
  });
});
