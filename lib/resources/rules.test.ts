import { describe, expect, it } from "vitest";
import { ruleBreach, type BookingRules } from "./rules";

const NONE: BookingRules = { maxBookingMinutes: null, bookableFrom: null, bookableUntil: null };
const at = (iso: string) => new Date(iso);

describe("booking rules", () => {
  it("lets anything through a resource without rules", () => {
    expect(ruleBreach(NONE, at("2027-03-01T22:00Z"), at("2027-03-03T10:00Z"), "Europe/Warsaw")).toBeNull();
  });

  it("refuses a booking longer than the longest allowed, and accepts exactly that long", () => {
    const rules = { ...NONE, maxBookingMinutes: 90 };
    expect(ruleBreach(rules, at("2027-03-01T10:00Z"), at("2027-03-01T11:30Z"), "Europe/Warsaw")).toBeNull();
    expect(ruleBreach(rules, at("2027-03-01T10:00Z"), at("2027-03-01T11:31Z"), "Europe/Warsaw")).toEqual({
      key: "resources.errors.longerThanAllowed",
      params: { hours: "1.5" },
    });
  });

  it("reads bookable hours in the organisation's zone, across a DST change", () => {
    const rules = { ...NONE, bookableFrom: "08:00", bookableUntil: "18:00" };
    // Winter: Warsaw is UTC+1, so 08:00–18:00 local is 07:00–17:00 UTC.
    expect(ruleBreach(rules, at("2027-03-01T07:00Z"), at("2027-03-01T17:00Z"), "Europe/Warsaw")).toBeNull();
    expect(ruleBreach(rules, at("2027-03-01T06:59Z"), at("2027-03-01T08:00Z"), "Europe/Warsaw")?.key).toBe("resources.errors.outsideBookableHours");
    // Summer (after 28 March 2027): UTC+2, so 08:00 local is 06:00 UTC.
    expect(ruleBreach(rules, at("2027-03-29T06:00Z"), at("2027-03-29T16:00Z"), "Europe/Warsaw")).toBeNull();
    expect(ruleBreach(rules, at("2027-03-29T06:00Z"), at("2027-03-29T16:01Z"), "Europe/Warsaw")?.key).toBe("resources.errors.outsideBookableHours");
  });

  it("does not let a booking run overnight past the bookable hours, but allows until midnight with 24:00", () => {
    const evening = { ...NONE, bookableFrom: "06:00", bookableUntil: "24:00" };
    expect(ruleBreach(evening, at("2027-03-01T20:00Z"), at("2027-03-01T23:00Z"), "Europe/Warsaw")).toBeNull();
    expect(ruleBreach(evening, at("2027-03-01T20:00Z"), at("2027-03-01T23:30Z"), "Europe/Warsaw")?.key).toBe("resources.errors.outsideBookableHours");
  });
});
