import { describe, expect, it } from "vitest";
import { daysOffIn, easterSunday, isDayOff, publicHolidaysOf } from "./holidays";

describe("Polish public holidays", () => {
  it("lists the fourteen days of 2026, the movable ones included", () => {
    expect(publicHolidaysOf("PL", 2026)).toEqual([
      { date: "2026-01-01", name: "newYear" },
      { date: "2026-01-06", name: "epiphany" },
      { date: "2026-04-05", name: "easterSunday" },
      { date: "2026-04-06", name: "easterMonday" },
      { date: "2026-05-01", name: "labourDay" },
      { date: "2026-05-03", name: "constitutionDay" },
      { date: "2026-05-24", name: "pentecost" },
      { date: "2026-06-04", name: "corpusChristi" },
      { date: "2026-08-15", name: "assumption" },
      { date: "2026-11-01", name: "allSaints" },
      { date: "2026-11-11", name: "independenceDay" },
      { date: "2026-12-24", name: "christmasEve" },
      { date: "2026-12-25", name: "christmasDay" },
      { date: "2026-12-26", name: "boxingDay" },
    ]);
  });

  it("makes Christmas Eve a holiday from 2025 on, and Epiphany from 2011", () => {
    expect(isDayOff({ country: "PL", added: [], removed: [] }, "2024-12-24")).toBe(false);
    expect(isDayOff({ country: "PL", added: [], removed: [] }, "2025-12-24")).toBe(true);
    expect(publicHolidaysOf("PL", 2010).some((h) => h.name === "epiphany")).toBe(false);
    expect(publicHolidaysOf("PL", 2024)).toHaveLength(13);
  });

  it("finds Easter in any year, the earliest and latest possible dates included", () => {
    expect(["1818", "2000", "2008", "2011", "2019", "2024", "2025", "2038", "2285"].map((y) => easterSunday(Number(y)))).toEqual([
      "1818-03-22",
      "2000-04-23",
      "2008-03-23",
      "2011-04-24",
      "2019-04-21",
      "2024-03-31",
      "2025-04-20",
      "2038-04-25",
      "2285-03-22",
    ]);
    const y2027 = publicHolidaysOf("PL", 2027).filter((h) => ["easterMonday", "pentecost", "corpusChristi"].includes(h.name));
    expect(y2027.map((h) => h.date)).toEqual(["2027-03-29", "2027-05-16", "2027-05-27"]);
  });

  it("adds the admin's days off and drops the public holidays they removed, year by year", () => {
    const calendar = { country: "PL" as const, added: ["2026-12-31", "2027-01-02"], removed: ["2026-12-24"] };
    expect(daysOffIn(calendar, 2026).has("2026-12-31")).toBe(true);
    expect(daysOffIn(calendar, 2026).has("2027-01-02")).toBe(false);
    expect(isDayOff(calendar, "2027-01-02")).toBe(true);
    expect(isDayOff(calendar, "2026-12-24")).toBe(false);
    expect(isDayOff(calendar, "2026-12-25")).toBe(true);
    expect(isDayOff({ country: "none", added: [], removed: [] }, "2026-12-25")).toBe(false);
  });
});
