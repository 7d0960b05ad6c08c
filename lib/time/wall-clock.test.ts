import { describe, expect, it } from "vitest";
import { instantToWallClock, isTimeZone, parseWallClock, wallClockToInstant } from "./wall-clock";

const iso = (value: string, zone: string) => wallClockToInstant(value, zone)?.toISOString() ?? null;

describe("wallClockToInstant", () => {
  it("reads a winter and a summer time in Warsaw with their own offsets", () => {
    expect(iso("2026-01-15T09:00", "Europe/Warsaw")).toBe("2026-01-15T08:00:00.000Z");
    expect(iso("2026-07-15T09:00", "Europe/Warsaw")).toBe("2026-07-15T07:00:00.000Z");
  });

  it("uses the new offset right after clocks go forward and the old one just before", () => {
    expect(iso("2026-03-29T01:59", "Europe/Warsaw")).toBe("2026-03-29T00:59:00.000Z");
    expect(iso("2026-03-29T03:00", "Europe/Warsaw")).toBe("2026-03-29T01:00:00.000Z");
    expect(iso("2026-03-30T09:00", "Europe/Warsaw")).toBe("2026-03-30T07:00:00.000Z");
  });

  it("moves a time skipped by spring-forward later by the gap", () => {
    expect(iso("2026-03-29T02:30", "Europe/Warsaw")).toBe("2026-03-29T01:30:00.000Z");
    expect(instantToWallClock(wallClockToInstant("2026-03-29T02:30", "Europe/Warsaw")!, "Europe/Warsaw")).toBe("2026-03-29T03:30");
  });

  it("takes the first of the two moments a time names when clocks go back", () => {
    expect(iso("2026-10-25T02:30", "Europe/Warsaw")).toBe("2026-10-25T00:30:00.000Z");
    expect(iso("2026-10-25T03:30", "Europe/Warsaw")).toBe("2026-10-25T02:30:00.000Z");
  });

  it("works for zones west of UTC, half-hour zones and UTC itself", () => {
    expect(iso("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(iso("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(iso("2026-06-01T12:00", "Asia/Kolkata")).toBe("2026-06-01T06:30:00.000Z");
    expect(iso("2026-06-01T12:00", "UTC")).toBe("2026-06-01T12:00:00.000Z");
    // Lord Howe turns back only half an hour: 01:45 happens twice, first at +11:00.
    expect(iso("2026-04-05T01:45", "Australia/Lord_Howe")).toBe("2026-04-04T14:45:00.000Z");
    expect(iso("2026-04-05T02:30", "Australia/Lord_Howe")).toBe("2026-04-04T16:00:00.000Z");
  });

  it("refuses values that are not a moment in the calendar", () => {
    for (const bad of [
      "2026-02-29T10:00",
      "2026-02-30T10:00",
      "2026-13-01T10:00",
      "2026-04-31T08:00",
      "2026-01-01T24:00",
      "2026-01-01T10:60",
      "tomorrow",
      "2026-01-01",
      "",
    ]) {
      expect(parseWallClock(bad), bad).toBeNull();
      expect(wallClockToInstant(bad, "Europe/Warsaw"), bad).toBeNull();
    }
    expect(parseWallClock("2028-02-29T10:00")).not.toBeNull();
    expect(parseWallClock("2026-05-01T08:15:30")).not.toBeNull();
  });
});

describe("instantToWallClock", () => {
  it("shows an instant as the viewer's wall clock, whatever the process zone", () => {
    const instant = new Date("2026-10-25T01:30:00Z");
    expect(instantToWallClock(instant, "Europe/Warsaw")).toBe("2026-10-25T02:30");
    expect(instantToWallClock(instant, "Europe/London")).toBe("2026-10-25T01:30");
    expect(instantToWallClock(new Date("2026-12-31T23:30:00Z"), "Europe/Warsaw")).toBe("2027-01-01T00:30");
  });

  it("round-trips every quarter hour across both Warsaw clock changes", () => {
    for (const start of ["2026-03-28T12:00:00Z", "2026-10-24T12:00:00Z"]) {
      for (let i = 0; i < 4 * 24; i++) {
        const instant = new Date(Date.parse(start) + i * 15 * 60_000);
        const wall = instantToWallClock(instant, "Europe/Warsaw");
        const back = wallClockToInstant(wall, "Europe/Warsaw")!;
        // The repeated hour reads back as its first occurrence; everything else exactly.
        expect(instant.getTime() - back.getTime()).toBeGreaterThanOrEqual(0);
        expect(instantToWallClock(back, "Europe/Warsaw")).toBe(wall);
      }
    }
  });
});

describe("instantToWallClock's offsets kept per hour", () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  /** Intl's own reading of the instant, with formatters of the test's own. */
  const reference = (ms: number, timeZone: string) => {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      });
      formats.set(timeZone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  };

  it("agrees with Intl at every minute of two days around clock changes, in zones with odd offsets and half-hour changes", () => {
    const cases: [string, string][] = [
      ["Europe/Warsaw", "2027-03-28T00:00:00Z"],
      ["Europe/Warsaw", "2027-10-31T00:00:00Z"],
      ["America/New_York", "2027-03-14T06:00:00Z"],
      ["America/New_York", "2027-11-07T05:00:00Z"],
      // Half-hour daylight saving (10:30 / 11:00), a quarter-hour offset, and one of 12:45 / 13:45 with its changes.
      ["Australia/Lord_Howe", "2027-04-03T14:00:00Z"],
      ["Asia/Kathmandu", "2027-01-01T00:00:00Z"],
      ["Pacific/Chatham", "2027-04-03T13:00:00Z"],
      // Local mean time before 1915 (+01:24) and Amsterdam's +00:19:32 of the 1930s: offsets that are not whole minutes.
      ["Europe/Warsaw", "1915-08-04T22:00:00Z"],
      ["Europe/Amsterdam", "1937-06-30T12:00:00Z"],
    ];
    for (const [zone, around] of cases) {
      const from = Date.parse(around) - 24 * 3_600_000;
      // Twice: the first pass fills the per-hour offsets, the second reads them.
      for (let pass = 0; pass < 2; pass++) {
        for (let m = 0; m < 48 * 60; m++) {
          const ms = from + m * 60_000 + 17_000;
          const got = instantToWallClock(new Date(ms), zone);
          if (got !== reference(ms, zone)) expect(`${zone} ${new Date(ms).toISOString()} ${got}`).toBe(reference(ms, zone));
        }
      }
    }
  });
});

describe("isTimeZone", () => {
  it("knows IANA zones and refuses made-up ones", () => {
    expect(isTimeZone("Europe/Warsaw")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
