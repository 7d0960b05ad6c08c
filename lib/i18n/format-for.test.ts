import { describe, expect, it } from "vitest";
import { formatInstantFor } from "./format-for";

describe("formatInstantFor", () => {
  const instant = new Date("2026-03-29T07:00:00Z"); // the Sunday clocks go forward in Warsaw
  it("writes the recipient's wall clock in their language", () => {
    expect(formatInstantFor(instant, { locale: "pl", timeZone: "Europe/Warsaw" })).toMatch(/29 mar 2026.*09:00/);
    expect(formatInstantFor(instant, { locale: "en", timeZone: "America/New_York" })).toMatch(/29 Mar 2026.*03:00/);
  });
  it("has a short form with the weekday for SMS and push", () => {
    expect(formatInstantFor(instant, { locale: "pl", timeZone: "Europe/Warsaw" }, "short")).toMatch(/^niedz\..*29 mar.*09:00$/);
  });
});
