import { describe, expect, it } from "vitest";
import { dueWindow, isOverdue } from "./due-window";

const WAW = "Europe/Warsaw";
const iso = (w: { from: Date | null; to: Date }) => [w.from?.toISOString() ?? null, w.to.toISOString()];

describe("dueWindow", () => {
  it("takes 'today' from the viewer's zone, not UTC, just after local midnight", () => {
    // 23:30 UTC on 14 May is already 15 May in Warsaw.
    const now = new Date("2026-05-14T22:30:00Z");
    expect(iso(dueWindow("today", now, WAW))).toEqual(["2026-05-14T22:00:00.000Z", "2026-05-15T22:00:00.000Z"]);
    expect(iso(dueWindow("today", now, "America/New_York"))).toEqual(["2026-05-14T04:00:00.000Z", "2026-05-15T04:00:00.000Z"]);
  });

  it("makes the day of a DST change 23 or 25 hours long", () => {
    expect(iso(dueWindow("today", new Date("2026-03-29T10:00:00Z"), WAW))).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    expect(iso(dueWindow("today", new Date("2026-10-25T10:00:00Z"), WAW))).toEqual(["2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"]);
  });

  it("runs the week Monday to Monday in the viewer's zone, across a DST change", () => {
    // Sunday 29 March 2026 (the spring change) belongs to the week that began Monday 23 March.
    expect(iso(dueWindow("week", new Date("2026-03-29T20:00:00Z"), WAW))).toEqual(["2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    // Monday 00:30 in Warsaw is still Sunday in UTC: the new week has started for the viewer.
    expect(iso(dueWindow("week", new Date("2026-03-29T22:30:00Z"), WAW))).toEqual(["2026-03-29T22:00:00.000Z", "2026-04-05T22:00:00.000Z"]);
  });

  it("ends a day at the next local midnight when that midnight is skipped by a clock change", () => {
    // Santiago skips 00:00-01:00 on Sunday 6 September 2026: that day starts at 01:00 (04:00Z)
    // and the next at midnight again (03:00Z), so neither window may reach 01:00 on the 7th.
    const sunday = new Date("2026-09-06T15:00:00Z");
    expect(iso(dueWindow("today", sunday, "America/Santiago"))).toEqual(["2026-09-06T04:00:00.000Z", "2026-09-07T03:00:00.000Z"]);
    expect(iso(dueWindow("week", sunday, "America/Santiago"))).toEqual(["2026-08-31T04:00:00.000Z", "2026-09-07T03:00:00.000Z"]);
    expect(iso(dueWindow("week", new Date("2026-09-08T15:00:00Z"), "America/Santiago"))).toEqual(["2026-09-07T03:00:00.000Z", "2026-09-14T03:00:00.000Z"]);
  });

  it("counts as overdue everything due before now", () => {
    const now = new Date("2026-05-14T22:30:00Z");
    expect(dueWindow("overdue", now, WAW)).toEqual({ from: null, to: now, lateOnly: true });
  });
});

describe("isOverdue", () => {
  const now = new Date("2026-05-14T12:00:00Z");
  const past = new Date("2026-05-14T11:59:00Z");
  it("flags late work that is not handed in", () => {
    expect(isOverdue({ dueAt: past, status: "open" }, now)).toBe(true);
    expect(isOverdue({ dueAt: past, status: "in_progress" }, now)).toBe(true);
    expect(isOverdue({ dueAt: past, status: "awaiting_acceptance" }, now)).toBe(false);
    expect(isOverdue({ dueAt: past, status: "done" }, now)).toBe(false);
    expect(isOverdue({ dueAt: now, status: "open" }, now)).toBe(false);
    expect(isOverdue({ dueAt: null, status: "open" }, now)).toBe(false);
  });
});
