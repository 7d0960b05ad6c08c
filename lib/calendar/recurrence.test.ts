import { describe, expect, it } from "vitest";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { expandSeries, isOccurrenceStart, isSeriesRule, seriesEnd, type OccurrenceOverride, type Series } from "./recurrence";

// Runs under TZ=America/New_York (project unit) and Asia/Tokyo (unit-tokyo): the answers must not move.
const WARSAW = "Europe/Warsaw";
const NEW_YORK = "America/New_York";

const at = (wall: string, zone = WARSAW) => wallClockToInstant(wall, zone)!;
const wall = (instant: Date, zone = WARSAW) => instantToWallClock(instant, zone);

function series(start: string, rule: string, more: Partial<Series> = {}): Series {
  const s = at(start);
  return { start: s, end: new Date(s.getTime() + 3_600_000), rule, zone: WARSAW, until: null, count: null, ...more };
}

const window = (from: string, to: string) => ({ from: at(from), to: at(to) });
const override = (recurrenceId: Date, change: Partial<OccurrenceOverride>): OccurrenceOverride => ({
  recurrenceId,
  cancelled: false,
  start: null,
  end: null,
  title: null,
  location: null,
  description: null,
  ...change,
});

describe("expandSeries", () => {
  it("keeps a weekly 09:00 Warsaw meeting at 09:00 Warsaw across both 2027 changes, and moves it in New York when only one side changed", () => {
    const monday = series("2027-03-01T09:00", "FREQ=WEEKLY;BYDAY=MO");
    const occurrences = expandSeries(monday, [], window("2027-03-01T00:00", "2027-04-06T00:00"));
    expect(occurrences.map((o) => wall(o.start))).toEqual([
      "2027-03-01T09:00",
      "2027-03-08T09:00",
      "2027-03-15T09:00",
      "2027-03-22T09:00",
      "2027-03-29T09:00",
      "2027-04-05T09:00",
    ]);
    // New York moves its clocks on 14 March, Warsaw on 28 March: two weeks at 04:00, else 03:00.
    expect(occurrences.map((o) => wall(o.start, NEW_YORK).slice(11))).toEqual(["03:00", "03:00", "04:00", "04:00", "03:00", "03:00"]);
    expect(occurrences.map((o) => o.end.getTime() - o.start.getTime())).toEqual(Array(6).fill(3_600_000));

    const autumn = expandSeries(monday, [], window("2027-10-25T00:00", "2027-11-16T00:00"));
    expect(autumn.map((o) => wall(o.start))).toEqual(["2027-10-25T09:00", "2027-11-01T09:00", "2027-11-08T09:00", "2027-11-15T09:00"]);
    // Warsaw goes back on 31 October, New York on 7 November: one week at 04:00.
    expect(autumn.map((o) => wall(o.start, NEW_YORK).slice(11))).toEqual(["03:00", "04:00", "03:00", "03:00"]);
    expect(autumn.map((o) => o.start.toISOString().slice(11, 16))).toEqual(["07:00", "08:00", "08:00", "08:00"]);
  });

  it("moves a local time the spring change skips forward, and takes the first of a time the autumn change repeats", () => {
    const night = series("2027-03-26T02:30", "FREQ=DAILY");
    const spring = expandSeries(night, [], window("2027-03-26T00:00", "2027-03-30T00:00"));
    expect(spring.map((o) => wall(o.start))).toEqual(["2027-03-26T02:30", "2027-03-27T02:30", "2027-03-28T03:30", "2027-03-29T02:30"]);
    expect(spring[2]!.start.toISOString()).toBe("2027-03-28T01:30:00.000Z");

    const autumn = expandSeries(series("2027-10-29T02:30", "FREQ=DAILY"), [], window("2027-10-30T00:00", "2027-11-02T00:00"));
    expect(autumn.map((o) => o.start.toISOString())).toEqual(["2027-10-30T00:30:00.000Z", "2027-10-31T00:30:00.000Z", "2027-11-01T01:30:00.000Z"]);
  });

  it("repeats monthly on the second Tuesday", () => {
    const report = series("2027-01-12T10:00", "FREQ=MONTHLY;BYDAY=2TU");
    expect(expandSeries(report, [], window("2027-01-01T00:00", "2027-03-01T00:00")).map((o) => wall(o.start))).toEqual([
      "2027-01-12T10:00",
      "2027-02-09T10:00",
    ]);
    expect(expandSeries(report, [], window("2027-03-01T00:00", "2027-05-01T00:00")).map((o) => wall(o.start))).toEqual([
      "2027-03-09T10:00",
      "2027-04-13T10:00",
    ]);
  });

  it("repeats monthly on a date and yearly", () => {
    expect(expandSeries(series("2027-01-15T08:00", "FREQ=MONTHLY"), [], window("2027-02-01T00:00", "2027-04-01T00:00")).map((o) => wall(o.start))).toEqual([
      "2027-02-15T08:00",
      "2027-03-15T08:00",
    ]);
    expect(expandSeries(series("2027-05-04T08:00", "FREQ=YEARLY"), [], window("2029-01-01T00:00", "2029-12-31T00:00")).map((o) => wall(o.start))).toEqual([
      "2029-05-04T08:00",
    ]);
  });

  it("repeats every working day", () => {
    const standup = series("2027-03-25T08:45", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(expandSeries(standup, [], window("2027-03-25T00:00", "2027-04-02T00:00")).map((o) => wall(o.start))).toEqual([
      "2027-03-25T08:45",
      "2027-03-26T08:45",
      "2027-03-29T08:45",
      "2027-03-30T08:45",
      "2027-03-31T08:45",
      "2027-04-01T08:45",
    ]);
  });

  it("repeats every 2 weeks on Monday and Thursday, 10 times", () => {
    const review = series("2027-03-01T14:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", { count: 10 });
    const all = expandSeries(review, [], window("2027-02-01T00:00", "2027-06-01T00:00"));
    expect(all.map((o) => wall(o.start))).toEqual([
      "2027-03-01T14:00",
      "2027-03-04T14:00",
      "2027-03-15T14:00",
      "2027-03-18T14:00",
      "2027-03-29T14:00",
      "2027-04-01T14:00",
      "2027-04-12T14:00",
      "2027-04-15T14:00",
      "2027-04-26T14:00",
      "2027-04-29T14:00",
    ]);
    // A window late in the series still counts from its start.
    expect(expandSeries(review, [], window("2027-04-20T00:00", "2027-06-01T00:00")).map((o) => wall(o.start))).toEqual([
      "2027-04-26T14:00",
      "2027-04-29T14:00",
    ]);
    expect(seriesEnd(review)!.toISOString()).toBe(at("2027-04-29T15:00").toISOString());
  });

  it("stops at its until date", () => {
    const daily = series("2027-06-01T09:00", "FREQ=DAILY", { until: at("2027-06-03T23:59") });
    expect(expandSeries(daily, [], window("2027-05-30T00:00", "2027-06-10T00:00")).map((o) => wall(o.start))).toEqual([
      "2027-06-01T09:00",
      "2027-06-02T09:00",
      "2027-06-03T09:00",
    ]);
    expect(wall(seriesEnd(daily)!)).toBe("2027-06-03T10:00");
    expect(seriesEnd(series("2027-06-01T09:00", "FREQ=DAILY"))).toBeNull();
  });

  it("expands only the window of a series that started long ago and never ends", () => {
    const old = series("2015-01-05T09:00", "FREQ=WEEKLY;BYDAY=MO");
    const week = expandSeries(old, [], window("2027-11-01T00:00", "2027-11-08T00:00"));
    expect(week.map((o) => wall(o.start))).toEqual(["2027-11-01T09:00"]);
  });

  it("includes an occurrence that overlaps the window's start", () => {
    const long = series("2027-06-01T23:00", "FREQ=DAILY", { end: at("2027-06-02T01:00") });
    expect(expandSeries(long, [], window("2027-06-03T00:00", "2027-06-03T12:00")).map((o) => wall(o.start))).toEqual(["2027-06-02T23:00"]);
  });

  describe("overrides", () => {
    const monday = series("2027-03-01T09:00", "FREQ=WEEKLY;BYDAY=MO");
    const march = window("2027-03-01T00:00", "2027-03-29T00:00");

    it("drops a cancelled occurrence and moves a moved one, keeping its RECURRENCE-ID", () => {
      const overrides = [
        override(at("2027-03-08T09:00"), { cancelled: true }),
        override(at("2027-03-15T09:00"), { start: at("2027-03-16T11:00"), end: at("2027-03-16T12:30"), title: "Moved" }),
      ];
      const occurrences = expandSeries(monday, overrides, march);
      expect(occurrences.map((o) => [wall(o.recurrenceId), wall(o.start), wall(o.end), o.override?.title ?? null])).toEqual([
        ["2027-03-01T09:00", "2027-03-01T09:00", "2027-03-01T10:00", null],
        ["2027-03-15T09:00", "2027-03-16T11:00", "2027-03-16T12:30", "Moved"],
        ["2027-03-22T09:00", "2027-03-22T09:00", "2027-03-22T10:00", null],
      ]);
    });

    it("finds an occurrence moved into the window from far outside it, and drops one moved out", () => {
      const overrides = [
        override(at("2027-06-07T09:00"), { start: at("2027-03-10T09:00"), end: at("2027-03-10T10:00") }),
        override(at("2027-03-22T09:00"), { start: at("2027-07-01T09:00"), end: at("2027-07-01T10:00") }),
      ];
      expect(expandSeries(monday, overrides, march).map((o) => wall(o.start))).toEqual([
        "2027-03-01T09:00",
        "2027-03-08T09:00",
        "2027-03-10T09:00",
        "2027-03-15T09:00",
      ]);
    });

    it("ignores an override whose RECURRENCE-ID the rule does not make", () => {
      const stale = override(at("2027-06-08T09:00"), { start: at("2027-03-10T09:00"), end: at("2027-03-10T10:00") });
      expect(expandSeries(monday, [stale], march)).toHaveLength(4);
      const pastCount = override(at("2027-03-15T09:00"), { start: at("2027-03-02T09:00"), end: at("2027-03-02T10:00") });
      expect(expandSeries({ ...monday, count: 2 }, [pastCount], march).map((o) => wall(o.start))).toEqual(["2027-03-01T09:00", "2027-03-08T09:00"]);
    });

    it("changes only the fields it holds", () => {
      const [first] = expandSeries(monday, [override(at("2027-03-01T09:00"), { location: "Room 2" })], window("2027-03-01T00:00", "2027-03-02T00:00"));
      expect(first!.override?.location).toBe("Room 2");
      expect(wall(first!.start)).toBe("2027-03-01T09:00");
      expect(wall(first!.end)).toBe("2027-03-01T10:00");
    });
  });
});

describe("isOccurrenceStart", () => {
  it("knows the rule's starts, including one moved forward over the spring gap", () => {
    const night = series("2027-03-26T02:30", "FREQ=DAILY");
    expect(isOccurrenceStart(night, at("2027-03-28T03:30"))).toBe(true);
    expect(isOccurrenceStart(night, at("2027-03-27T02:30"))).toBe(true);
    expect(isOccurrenceStart(night, at("2027-03-27T02:45"))).toBe(false);
    expect(isOccurrenceStart(night, at("2027-03-25T02:30"))).toBe(false);
  });
});

describe("isSeriesRule", () => {
  it.each(["FREQ=DAILY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=YEARLY"])("takes %s", (rule) =>
    expect(isSeriesRule(rule)).toBe(true),
  );
  it.each([
    "",
    "FREQ=HOURLY",
    "FREQ=DAILY;COUNT=3",
    "FREQ=DAILY;UNTIL=20270101T000000Z",
    "FREQ=DAILY;BYHOUR=9",
    "BYDAY=MO",
    "FREQ=DAILY;FREQ=WEEKLY",
    "FREQ=WEEKLY;BYDAY=XX",
    "FREQ=DAILY\nDTSTART:2027",
  ])("refuses %j", (rule) => expect(isSeriesRule(rule)).toBe(false));
});
