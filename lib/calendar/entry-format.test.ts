import { describe, expect, it } from "vitest";
import { formatEntryTime } from "./entry-format";

const warsaw = { locale: "pl" as const, timeZone: "Europe/Warsaw" };
const london = { locale: "en" as const, timeZone: "Europe/London" };

describe("formatEntryTime", () => {
  it("shows a timed entry in the reader's zone, the end as a time when it ends the same day", () => {
    expect(formatEntryTime({ allDay: false, start: "2027-03-02T09:00:00Z", end: "2027-03-02T10:30:00Z" }, warsaw)).toBe("02.03.2027, 10:00–11:30");
    expect(formatEntryTime({ allDay: false, start: "2027-03-02T09:00:00Z", end: "2027-03-02T10:30:00Z" }, london)).toBe("2 Mar 2027, 09:00–10:30");
  });

  it("shows both dates when a timed entry crosses midnight in the reader's zone", () => {
    expect(formatEntryTime({ allDay: false, start: "2027-03-02T21:00:00Z", end: "2027-03-03T00:30:00Z" }, warsaw)).toBe(
      "02.03.2027, 22:00 – 03.03.2027, 01:30",
    );
  });

  it("shows all-day entries by their dates whatever the zone, with the last day rather than the exclusive end", () => {
    expect(formatEntryTime({ allDay: true, startDate: "2027-03-02", endDate: "2027-03-03" }, { locale: "pl", timeZone: "Pacific/Kiritimati" })).toBe(
      "02.03.2027",
    );
    expect(formatEntryTime({ allDay: true, startDate: "2027-03-02", endDate: "2027-03-05" }, { locale: "pl", timeZone: "Pacific/Pago_Pago" })).toBe(
      "02.03.2027 – 04.03.2027",
    );
  });

  it("writes an American reader's all-day dates month first, as their timed ones", () => {
    const newYork = { locale: "en" as const, timeZone: "America/New_York" };
    expect(formatEntryTime({ allDay: true, startDate: "2027-03-02", endDate: "2027-03-03" }, newYork)).toBe("03/02/2027");
  });
});
