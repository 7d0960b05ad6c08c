import { describe, expect, it } from "vitest";
import { instantIso, instantOf } from "./instant-text";

describe("instantIso", () => {
  it("writes Postgres' UTC text as Date#toISOString would, whatever the fraction", () => {
    const texts = [
      "2026-12-07 09:00:00+00",
      "2026-03-29 01:00:00+00",
      "2026-10-25 00:59:59.9+00",
      "2026-10-25 01:00:00.05+00",
      "1999-12-31 23:59:59.123+00",
      "2026-02-28 12:34:56.123456+00",
      "2026-02-28 12:34:56.999999+00",
    ];
    for (const text of texts) {
      expect(instantIso(text), text).toBe(new Date(text).toISOString());
      expect(instantOf(text).getTime(), text).toBe(new Date(text).getTime());
    }
  });

  it("reads a text of another shape through Date, as it would be read without this", () => {
    const texts = [
      "2026-12-07 09:00:00.+00",
      "2026-12-07 09:00:00.1234567+00",
      "2026-12-07 09:00:00+00 BC",
      "2026-12-07T09:00:00+00",
      "2026-12-07 09:00:00+01",
      "2026-12-07 09:00:00-00",
      "2026-1a-07 09:00:00+00",
      "12026-12-07 09:00:00+00",
    ];
    for (const text of texts) {
      const date = new Date(text);
      expect(instantOf(text).getTime(), text).toBe(date.getTime());
      if (Number.isNaN(date.getTime())) expect(() => instantIso(text), text).toThrow(RangeError);
      else expect(instantIso(text), text).toBe(date.toISOString());
    }
    // Where Date reads the year 50 as 1950, the text says 50.
    expect(instantOf("0050-06-01 12:00:00+00").toISOString()).toBe("0050-06-01T12:00:00.000Z");
    expect(instantIso("0050-06-01 12:00:00+00")).toBe("0050-06-01T12:00:00.000Z");
  });

  it("takes a Date, and any other shape through Date", () => {
    const at = new Date("2026-12-07T09:00:00.250Z");
    expect(instantIso(at)).toBe("2026-12-07T09:00:00.250Z");
    expect(instantIso("2026-12-07T09:00:00Z")).toBe("2026-12-07T09:00:00.000Z");
    expect(instantIso("2026-12-07 10:00:00+01")).toBe("2026-12-07T09:00:00.000Z");
    expect(() => instantIso("not a time")).toThrow(RangeError);
    expect(instantOf(at)).toBe(at);
    expect(instantOf("2026-12-07 10:00:00+01").toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect(Number.isNaN(instantOf("not a time").getTime())).toBe(true);
  });
});
