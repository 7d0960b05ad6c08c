import { describe, expect, it } from "vitest";
import { DEFAULT_MATRIX, PRIORITIES, WORKING_MODES, mergeMatrix, quietHoursEnd, routeNotification, type RoutingInput } from "./routing";

const base: Omit<RoutingInput, "priority" | "mode"> = {
  matrix: DEFAULT_MATRIX,
  quietHours: null,
  timeZone: "Europe/Warsaw",
  now: new Date("2026-06-10T10:00:00Z"),
  hasEmail: true,
  hasPhone: true,
};

const channels = (input: RoutingInput) => routeNotification(input).map((r) => r.channel);

describe("routeNotification: priority × working mode", () => {
  it("follows the default promise in the office", () => {
    expect(channels({ ...base, priority: "low", mode: "office" })).toEqual(["in_app", "email"]);
    expect(channels({ ...base, priority: "normal", mode: "office" })).toEqual(["in_app", "email"]);
    expect(channels({ ...base, priority: "high", mode: "office" })).toEqual(["in_app", "email", "sms", "push"]);
    expect(channels({ ...base, priority: "urgent", mode: "remote" })).toEqual(["in_app", "email", "sms", "push"]);
  });
  it("puts SMS and push first in the field", () => {
    expect(channels({ ...base, priority: "high", mode: "field" })).toEqual(["in_app", "sms", "push", "email"]);
    expect(channels({ ...base, priority: "normal", mode: "field" })).toEqual(["in_app", "push", "email"]);
  });
  it("keeps only in-app for low items while away", () => {
    expect(channels({ ...base, priority: "low", mode: "away" })).toEqual(["in_app"]);
    expect(channels({ ...base, priority: "urgent", mode: "away" })).toEqual(["in_app", "sms", "push", "email"]);
  });
  it("never routes a channel this deployment has switched off", () => {
    expect(channels({ ...base, priority: "high", mode: "office", switchedOff: ["sms"] })).toEqual(["in_app", "email", "push"]);
    expect(channels({ ...base, priority: "urgent", mode: "field", switchedOff: ["email", "sms"] })).toEqual(["in_app", "push"]);
  });
  it("always writes in-app and never routes SMS without a phone", () => {
    for (const mode of WORKING_MODES) {
      for (const priority of PRIORITIES) {
        const routed = channels({ ...base, priority, mode, hasPhone: false });
        expect(routed[0]).toBe("in_app");
        expect(routed).not.toContain("sms");
      }
    }
  });
  it("never sends SMS to an unverified number, and says it skipped the channel", () => {
    const routed = routeNotification({ ...base, priority: "urgent", mode: "field", hasPhone: false, hasUnverifiedPhone: true });
    expect(routed.find((r) => r.channel === "sms")).toEqual({ channel: "sms", deliverAfter: null, skipped: "phone_unverified" });
    expect(routed.filter((r) => !r.skipped).map((r) => r.channel)).toEqual(["in_app", "push", "email"]);
    expect(channels({ ...base, priority: "low", mode: "office", hasPhone: false, hasUnverifiedPhone: true })).toEqual(["in_app", "email"]);
  });
  it("applies a person's own choices over the defaults", () => {
    const matrix = mergeMatrix(DEFAULT_MATRIX, { office: { normal: ["push", "email"] } });
    expect(channels({ ...base, matrix, priority: "normal", mode: "office" })).toEqual(["in_app", "push", "email"]);
    expect(channels({ ...base, matrix, priority: "low", mode: "office" })).toEqual(["in_app", "email"]);
  });
});

describe("quiet hours in the recipient's zone", () => {
  const quiet = { start: "22:00", end: "07:00" };
  it("holds interruptive channels of non-urgent items until the end, in the recipient's zone", () => {
    // 23:30 in Warsaw (summer, UTC+2) is 21:30Z.
    const now = new Date("2026-06-10T21:30:00Z");
    const routed = routeNotification({ ...base, now, quietHours: quiet, priority: "high", mode: "office" });
    expect(routed).toEqual([
      { channel: "in_app", deliverAfter: null },
      { channel: "email", deliverAfter: null },
      { channel: "sms", deliverAfter: new Date("2026-06-11T05:00:00Z") },
      { channel: "push", deliverAfter: new Date("2026-06-11T05:00:00Z") },
    ]);
  });
  it("lets urgent items through at once", () => {
    const now = new Date("2026-06-10T21:30:00Z");
    const routed = routeNotification({ ...base, now, quietHours: quiet, priority: "urgent", mode: "field" });
    expect(routed.every((r) => r.deliverAfter === null)).toBe(true);
  });
  it("is not quiet at 21:30 Warsaw even though it is 22:30 in London", () => {
    const now = new Date("2026-06-10T19:30:00Z");
    expect(quietHoursEnd(quiet, "Europe/Warsaw", now)).toBeNull();
    expect(quietHoursEnd(quiet, "Europe/London", new Date("2026-06-10T21:30:00Z"))).toEqual(new Date("2026-06-11T06:00:00Z"));
  });
  it("ends at 07:00 local after the night the clocks change", () => {
    // Night of 24→25 October 2026: 07:00 Warsaw on the 25th is 06:00Z (CET again).
    expect(quietHoursEnd(quiet, "Europe/Warsaw", new Date("2026-10-24T21:00:00Z"))).toEqual(new Date("2026-10-25T06:00:00Z"));
    // Night of 28→29 March 2026: 07:00 Warsaw on the 29th is 05:00Z (CEST).
    expect(quietHoursEnd(quiet, "Europe/Warsaw", new Date("2026-03-28T23:30:00Z"))).toEqual(new Date("2026-03-29T05:00:00Z"));
  });
  it("ends at the first of a repeated time on the night the clocks go back, whatever the server's zone", () => {
    // 23:00 on 24 October in Warsaw; 02:30 the next morning happens twice, first at 00:30Z.
    expect(quietHoursEnd({ start: "22:00", end: "02:30" }, "Europe/Warsaw", new Date("2026-10-24T21:00:00Z"))).toEqual(new Date("2026-10-25T00:30:00Z"));
  });
  it("handles a daytime window and after-midnight moments", () => {
    expect(quietHoursEnd({ start: "12:00", end: "13:00" }, "Europe/Warsaw", new Date("2026-01-05T11:15:00Z"))).toEqual(new Date("2026-01-05T12:00:00Z"));
    expect(quietHoursEnd(quiet, "Europe/Warsaw", new Date("2026-01-05T04:00:00Z"))).toEqual(new Date("2026-01-05T06:00:00Z"));
    expect(quietHoursEnd(quiet, "Europe/Warsaw", new Date("2026-01-05T06:00:00Z"))).toBeNull();
  });
});
