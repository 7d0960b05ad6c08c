import { describe, expect, it } from "vitest";
import { DATE_FORMATS, formatInstantFor, resolveDateFormat, type DateFormat, type InstantStyle } from "./format-for";

// Runs under TZ=America/New_York and again under TZ=Asia/Tokyo (vitest.config.mts): the
// process's zone must never show through.
const at = (iso: string) => new Date(iso);
const DEC_3 = at("2026-12-03T08:00:00Z"); // 09:00 in Warsaw and Berlin, 03:00 in New York

describe("formatInstantFor", () => {
  const instant = at("2026-03-29T07:00:00Z"); // the Sunday clocks go forward in Warsaw
  it("writes the recipient's wall clock in their language", () => {
    expect(formatInstantFor(instant, { locale: "pl", timeZone: "Europe/Warsaw" })).toBe("29.03.2026, 09:00");
    expect(formatInstantFor(instant, { locale: "en", timeZone: "America/New_York" })).toBe("03/29/2026, 03:00 AM");
    expect(formatInstantFor(instant, { locale: "en", timeZone: "Europe/Warsaw" })).toBe("29 Mar 2026, 09:00");
  });
  it("has a short form with the weekday for SMS and push", () => {
    expect(formatInstantFor(instant, { locale: "pl", timeZone: "Europe/Warsaw" }, "short")).toBe("niedz. 29.03, 09:00");
    expect(formatInstantFor(instant, { locale: "pl", timeZone: "Europe/Warsaw", dateFormat: "dmy_text" }, "short")).toMatch(/^niedz\..*29 mar.*09:00$/);
  });
});

describe("the automatic date format", () => {
  it("follows the language, then the zone: Polish day.month, English in America the US way, English elsewhere the British way", () => {
    expect(resolveDateFormat({ locale: "pl", timeZone: "Europe/Warsaw" })).toBe("dmy_numeric");
    expect(resolveDateFormat({ locale: "pl", timeZone: "America/New_York" })).toBe("dmy_numeric");
    expect(resolveDateFormat({ locale: "en", timeZone: "America/New_York" })).toBe("mdy");
    expect(resolveDateFormat({ locale: "en", timeZone: "America/Los_Angeles", dateFormat: "auto" })).toBe("mdy");
    expect(resolveDateFormat({ locale: "en", timeZone: "Europe/Berlin" })).toBe("dmy_text");
    expect(resolveDateFormat({ locale: "en", timeZone: "Asia/Tokyo", dateFormat: null })).toBe("dmy_text");
  });
  it("is overridden by a chosen format", () => {
    expect(resolveDateFormat({ locale: "en", timeZone: "America/New_York", dateFormat: "iso" })).toBe("iso");
    expect(resolveDateFormat({ locale: "pl", timeZone: "Europe/Warsaw", dateFormat: "mdy" })).toBe("mdy");
  });
  it("shows a Berlin reader in English 3 Dec 2026, 09:00, not 12/03/2026, 09:00 AM", () => {
    expect(formatInstantFor(DEC_3, { locale: "en", timeZone: "Europe/Berlin" })).toBe("3 Dec 2026, 09:00");
    expect(formatInstantFor(DEC_3, { locale: "en", timeZone: "Europe/Berlin", dateFormat: "auto" })).toBe("3 Dec 2026, 09:00");
  });
});

// Every format × language × zone × style, written out: what a person sees is the test.
const EXPECTED: Record<Exclude<DateFormat, "auto">, Record<"pl" | "en", Record<"Europe/Warsaw" | "America/New_York", Record<InstantStyle, string>>>> = {
  dmy_numeric: {
    pl: {
      "Europe/Warsaw": { full: "03.12.2026, 09:00", short: "czw. 03.12, 09:00", date: "03.12.2026", time: "09:00" },
      "America/New_York": { full: "03.12.2026, 03:00", short: "czw. 03.12, 03:00", date: "03.12.2026", time: "03:00" },
    },
    en: {
      "Europe/Warsaw": { full: "03.12.2026, 09:00", short: "Thu 03.12, 09:00", date: "03.12.2026", time: "09:00" },
      "America/New_York": { full: "03.12.2026, 03:00", short: "Thu 03.12, 03:00", date: "03.12.2026", time: "03:00" },
    },
  },
  dmy_text: {
    pl: {
      "Europe/Warsaw": { full: "3 gru 2026, 09:00", short: "czw., 3 gru, 09:00", date: "3 gru 2026", time: "09:00" },
      "America/New_York": { full: "3 gru 2026, 03:00", short: "czw., 3 gru, 03:00", date: "3 gru 2026", time: "03:00" },
    },
    en: {
      "Europe/Warsaw": { full: "3 Dec 2026, 09:00", short: "Thu 3 Dec, 09:00", date: "3 Dec 2026", time: "09:00" },
      "America/New_York": { full: "3 Dec 2026, 03:00", short: "Thu 3 Dec, 03:00", date: "3 Dec 2026", time: "03:00" },
    },
  },
  mdy: {
    pl: {
      "Europe/Warsaw": { full: "12/03/2026, 09:00 AM", short: "czw. 12/03, 09:00 AM", date: "12/03/2026", time: "09:00 AM" },
      "America/New_York": { full: "12/03/2026, 03:00 AM", short: "czw. 12/03, 03:00 AM", date: "12/03/2026", time: "03:00 AM" },
    },
    en: {
      "Europe/Warsaw": { full: "12/03/2026, 09:00 AM", short: "Thu 12/03, 09:00 AM", date: "12/03/2026", time: "09:00 AM" },
      "America/New_York": { full: "12/03/2026, 03:00 AM", short: "Thu 12/03, 03:00 AM", date: "12/03/2026", time: "03:00 AM" },
    },
  },
  iso: {
    pl: {
      "Europe/Warsaw": { full: "2026-12-03 09:00", short: "czw. 2026-12-03 09:00", date: "2026-12-03", time: "09:00" },
      "America/New_York": { full: "2026-12-03 03:00", short: "czw. 2026-12-03 03:00", date: "2026-12-03", time: "03:00" },
    },
    en: {
      "Europe/Warsaw": { full: "2026-12-03 09:00", short: "Thu 2026-12-03 09:00", date: "2026-12-03", time: "09:00" },
      "America/New_York": { full: "2026-12-03 03:00", short: "Thu 2026-12-03 03:00", date: "2026-12-03", time: "03:00" },
    },
  },
};

describe("each date format in each language and zone", () => {
  for (const [dateFormat, byLocale] of Object.entries(EXPECTED) as [Exclude<DateFormat, "auto">, (typeof EXPECTED)["iso"]][]) {
    for (const [locale, byZone] of Object.entries(byLocale) as ["pl" | "en", (typeof EXPECTED)["iso"]["pl"]][]) {
      for (const [timeZone, styles] of Object.entries(byZone) as ["Europe/Warsaw" | "America/New_York", Record<InstantStyle, string>][]) {
        it(`${dateFormat} · ${locale} · ${timeZone}`, () => {
          for (const [style, text] of Object.entries(styles) as [InstantStyle, string][]) {
            expect(formatInstantFor(DEC_3, { locale, timeZone, dateFormat }, style)).toBe(text);
          }
        });
      }
    }
  }

  it("auto is one of the four, per language and zone", () => {
    for (const locale of ["pl", "en"] as const) {
      for (const timeZone of ["Europe/Warsaw", "America/New_York"] as const) {
        const resolved = resolveDateFormat({ locale, timeZone });
        expect(formatInstantFor(DEC_3, { locale, timeZone, dateFormat: "auto" })).toBe(EXPECTED[resolved][locale][timeZone].full);
      }
    }
    expect(DATE_FORMATS).toEqual(["auto", "dmy_numeric", "dmy_text", "mdy", "iso"]);
  });

  it("writes midnight as 00:30, and 12:30 AM the US way", () => {
    const justAfterMidnight = at("2026-12-02T23:30:00Z");
    expect(formatInstantFor(justAfterMidnight, { locale: "pl", timeZone: "Europe/Warsaw" })).toBe("03.12.2026, 00:30");
    expect(formatInstantFor(justAfterMidnight, { locale: "en", timeZone: "Europe/Warsaw", dateFormat: "dmy_text" })).toBe("3 Dec 2026, 00:30");
    expect(formatInstantFor(justAfterMidnight, { locale: "en", timeZone: "Europe/Warsaw", dateFormat: "mdy" })).toBe("12/03/2026, 12:30 AM");
    expect(formatInstantFor(justAfterMidnight, { locale: "en", timeZone: "Europe/Warsaw", dateFormat: "iso" })).toBe("2026-12-03 00:30");
  });
});

describe("days the clocks change", () => {
  it("Warsaw, spring forward (29 March 2026): 01:30 CET, then 03:30 CEST an hour later", () => {
    const pl = { locale: "pl", timeZone: "Europe/Warsaw" } as const;
    expect(formatInstantFor(at("2026-03-29T00:30:00Z"), pl)).toBe("29.03.2026, 01:30");
    expect(formatInstantFor(at("2026-03-29T01:30:00Z"), pl)).toBe("29.03.2026, 03:30");
    expect(formatInstantFor(at("2026-03-29T01:30:00Z"), { ...pl, locale: "en" })).toBe("29 Mar 2026, 03:30");
    expect(formatInstantFor(at("2026-03-29T01:30:00Z"), { ...pl, dateFormat: "iso" })).toBe("2026-03-29 03:30");
  });
  it("Warsaw, fall back (25 October 2026): 02:30 twice", () => {
    const en = { locale: "en", timeZone: "Europe/Warsaw", dateFormat: "dmy_numeric" } as const;
    expect(formatInstantFor(at("2026-10-25T00:30:00Z"), en)).toBe("25.10.2026, 02:30");
    expect(formatInstantFor(at("2026-10-25T01:30:00Z"), en)).toBe("25.10.2026, 02:30");
  });
  it("New York, spring forward (8 March 2026): 01:30 EST, then 03:30 EDT an hour later", () => {
    const en = { locale: "en", timeZone: "America/New_York" } as const;
    expect(formatInstantFor(at("2026-03-08T06:30:00Z"), en)).toBe("03/08/2026, 01:30 AM");
    expect(formatInstantFor(at("2026-03-08T07:30:00Z"), en)).toBe("03/08/2026, 03:30 AM");
    expect(formatInstantFor(at("2026-03-08T07:30:00Z"), { ...en, locale: "pl" })).toBe("08.03.2026, 03:30");
    expect(formatInstantFor(at("2026-03-08T07:30:00Z"), { ...en, dateFormat: "dmy_text" }, "short")).toBe("Sun 8 Mar, 03:30");
  });
  it("New York, fall back (1 November 2026): 01:30 AM twice", () => {
    const en = { locale: "en", timeZone: "America/New_York" } as const;
    expect(formatInstantFor(at("2026-11-01T05:30:00Z"), en)).toBe("11/01/2026, 01:30 AM");
    expect(formatInstantFor(at("2026-11-01T06:30:00Z"), en)).toBe("11/01/2026, 01:30 AM");
  });
});
