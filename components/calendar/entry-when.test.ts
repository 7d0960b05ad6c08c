import { describe, expect, it } from "vitest";
import { entryWhen } from "./entry-when";

const warsaw = { locale: "pl", timeZone: "Europe/Warsaw", dateFormat: "auto" } as const;

describe("when an entry happens, as the reader reads it", () => {
  it("gives a timed entry's day once and its clock times in the reader's zone", () => {
    expect(entryWhen({ allDay: false, start: "2026-12-07T08:00:00.000Z", end: "2026-12-07T09:30:00.000Z" }, warsaw)).toBe("07.12.2026, 09:00–10:30");
    expect(entryWhen({ allDay: false, start: "2026-12-07T22:00:00.000Z", end: "2026-12-08T01:00:00.000Z" }, warsaw)).toBe(
      "07.12.2026, 23:00 – 08.12.2026, 02:00",
    );
  });

  it("gives an all-day entry its first and last day, whatever the reader's zone", () => {
    expect(entryWhen({ allDay: true, startDate: "2026-12-07", endDate: "2026-12-08" }, { ...warsaw, timeZone: "Pacific/Auckland" })).toBe("07.12.2026");
    expect(entryWhen({ allDay: true, startDate: "2026-12-07", endDate: "2026-12-10" }, { locale: "en", timeZone: "America/New_York" })).toBe(
      "12/07/2026 – 12/09/2026",
    );
  });
});
