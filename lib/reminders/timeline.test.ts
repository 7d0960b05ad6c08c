import { describe, expect, it } from "vitest";
import { isPastWhenSet } from "@/lib/timelines/past";
import { instantToWallClock, wallClockToInstant } from "@/lib/time/zoned";
import { reminderMomentOf } from "./moments";
import { DEFAULT_POLICY, timelineOf, type TimelineInput } from "./timeline";
import { DEFAULT_SCHEDULE } from "./working-time";

const WAW = "Europe/Warsaw";
const at = (local: string) => wallClockToInstant(local, WAW)!;

function input(overrides: Partial<TimelineInput["task"]> = {}, extra: Partial<TimelineInput> = {}): TimelineInput {
  return {
    task: {
      id: "t1",
      status: "open",
      priority: "normal",
      dueAt: at("2026-10-27T12:00"),
      updatedAt: at("2026-10-20T08:00"),
      assigneeId: "tech",
      createdById: "boss",
      ...overrides,
    },
    reminders: [],
    snoozes: [],
    people: { assignee: { id: "tech", timeZone: WAW }, supervisor: "lead", secondSupervisor: "manager" },
    policy: DEFAULT_POLICY,
    schedule: DEFAULT_SCHEDULE,
    ...extra,
  };
}

describe("reminderMomentOf", () => {
  it("counts whole days in the recipient's calendar across both DST changes", () => {
    for (const sunday of ["2026-03-29T09:00", "2026-10-25T09:00"]) {
      const saturday = reminderMomentOf(at(sunday), { offsetMinutes: 1440, fireAt: null, channel: null }, WAW)!;
      expect(instantToWallClock(saturday, WAW)).toBe(`${sunday.slice(0, 8)}${Number(sunday.slice(8, 10)) - 1}T09:00`);
    }
    const week = reminderMomentOf(at("2026-04-01T09:00"), { offsetMinutes: 10080, fireAt: null, channel: null }, WAW)!;
    expect(instantToWallClock(week, WAW)).toBe("2026-03-25T09:00");
  });

  it("fires a day ahead of a due time that repeats that night at its first occurrence, whatever the server's zone", () => {
    // Due Monday 26 October 02:30: a day before is Sunday 02:30, which Warsaw lives twice.
    const sunday = reminderMomentOf(at("2026-10-26T02:30"), { offsetMinutes: 1440, fireAt: null, channel: null }, WAW)!;
    expect(sunday.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("takes minutes and hours as plain durations, and an absolute moment as it is", () => {
    expect(reminderMomentOf(at("2026-03-29T04:00"), { offsetMinutes: 120, fireAt: null, channel: null }, WAW)).toEqual(
      new Date(at("2026-03-29T04:00").getTime() - 7_200_000),
    );
    const fixed = new Date("2026-05-01T10:00:00Z");
    expect(reminderMomentOf(null, { offsetMinutes: null, fireAt: fixed, channel: "sms" }, WAW)).toBe(fixed);
    expect(reminderMomentOf(null, { offsetMinutes: 30, fireAt: null, channel: null }, WAW)).toBeNull();
  });
});

describe("timelineOf", () => {
  it("orders reminders, the overdue notice to assignee and delegator, and two escalation levels", () => {
    const moments = timelineOf(
      input(
        {},
        {
          reminders: [
            { offsetMinutes: 60, fireAt: null, channel: "sms" },
            { offsetMinutes: null, fireAt: at("2026-10-26T08:00"), channel: null },
          ],
          policy: { ...DEFAULT_POLICY, secondLevel: { enabled: true, delay: 2, unit: "working_hours" } },
        },
      ),
    );
    expect(moments.map((m) => [m.kind, m.recipientId, instantToWallClock(m.at, WAW)])).toEqual([
      ["reminder", "tech", "2026-10-26T08:00"],
      ["reminder", "tech", "2026-10-27T11:00"],
      ["overdue", "boss", "2026-10-27T12:00"],
      ["overdue", "tech", "2026-10-27T12:00"],
      // Normal: one working day after Tuesday 12:00; the second level two working hours later.
      ["escalation", "lead", "2026-10-28T12:00"],
      ["escalation", "manager", "2026-10-28T14:00"],
    ]);
    expect(moments[1]!.key).toBe(`reminder:task:t1:tech:${at("2026-10-27T11:00").toISOString()}:sms`);
    expect(moments[4]!.key).toBe(`escalation:task:t1:${at("2026-10-27T12:00").toISOString()}:l1:lead`);
  });

  it("has nothing for finished, cancelled or accepted-pending work", () => {
    for (const status of ["done", "cancelled", "awaiting_acceptance"] as const) {
      expect(timelineOf(input({ status }, { reminders: [{ offsetMinutes: 60, fireAt: null, channel: null }] }))).toEqual([]);
    }
  });

  it("does not send a reminder set after its moment had passed (the one rule of every kind), and tells a self-assigned person once", () => {
    const setAt = at("2026-10-27T11:30");
    const moments = timelineOf(input({ createdById: "tech", updatedAt: setAt }, { reminders: [{ offsetMinutes: 60, fireAt: null, channel: null }] }));
    expect(moments.filter((m) => m.kind === "reminder" && !isPastWhenSet(m.at, setAt))).toEqual([]);
    expect(moments.filter((m) => m.kind === "overdue").map((m) => m.recipientId)).toEqual(["tech"]);
  });

  it("treats a moment as past when set only if it was more than a minute before", () => {
    const setAt = at("2026-10-27T11:30");
    expect(isPastWhenSet(new Date(setAt.getTime() - 61_000), setAt)).toBe(true);
    expect(isPastWhenSet(new Date(setAt.getTime() - 59_000), setAt)).toBe(false);
    expect(isPastWhenSet(new Date(setAt.getTime() + 60_000), setAt)).toBe(false);
  });

  it("keys overdue and escalation by the due moment, so a new due moment notifies again", () => {
    const before = timelineOf(input()).map((m) => m.key);
    const after = timelineOf(input({ dueAt: at("2026-10-29T12:00") })).map((m) => m.key);
    expect(before.filter((k) => after.includes(k))).toEqual([]);
    expect(timelineOf(input({ priority: "urgent" })).find((m) => m.kind === "escalation")!.at).toEqual(at("2026-10-27T13:00"));
  });

  it("applies snoozes of the current assignee only, each as its own moment", () => {
    const moments = timelineOf(
      input(
        {},
        {
          snoozes: [
            { id: "s1", recipientId: "tech", fireAt: at("2026-10-27T09:10"), channel: null },
            { id: "s2", recipientId: "someone-else", fireAt: at("2026-10-27T09:20"), channel: null },
          ],
        },
      ),
    );
    expect(moments.filter((m) => m.snoozeId).map((m) => m.snoozeId)).toEqual(["s1"]);
  });

  it("escalates nobody when the assignee has no supervisor", () => {
    const moments = timelineOf({ ...input(), people: { assignee: { id: "tech", timeZone: WAW }, supervisor: null, secondSupervisor: null } });
    expect(moments.some((m) => m.kind === "escalation")).toBe(false);
  });

  describe("escalates to nobody who already knows", () => {
    const twoLevels = { policy: { ...DEFAULT_POLICY, secondLevel: { enabled: true, delay: 2, unit: "working_hours" as const } } };
    const told = (task: Partial<TimelineInput["task"]>, people: Partial<TimelineInput["people"]>) =>
      timelineOf(input(task, { ...twoLevels, people: { assignee: { id: "tech", timeZone: WAW }, supervisor: "lead", secondSupervisor: "manager", ...people } }))
        .filter((m) => m.kind !== "reminder")
        .map((m) => [m.kind, m.recipientId, m.level ?? null]);

    it("leaves out a delegator who is the second level: the supervisor's supervisor delegated the task", () => {
      expect(told({ createdById: "manager" }, {})).toEqual([
        ["overdue", "manager", null],
        ["overdue", "tech", null],
        ["escalation", "lead", 1],
      ]);
    });

    it("leaves out a delegator who is the supervisor, and still tells the second level at its own time", () => {
      const moments = timelineOf(input({ createdById: "lead" }, twoLevels));
      expect(moments.filter((m) => m.kind === "escalation").map((m) => [m.recipientId, m.level, instantToWallClock(m.at, WAW)])).toEqual([
        ["manager", 2, "2026-10-28T14:00"],
      ]);
      expect(moments.filter((m) => m.recipientId === "lead").map((m) => m.kind)).toEqual(["overdue"]);
    });

    it("does not pass a dropped level up the chain when the second level is off", () => {
      expect(timelineOf(input({ createdById: "lead" })).filter((m) => m.kind === "escalation")).toEqual([]);
    });

    it("never escalates to the assignee, and tells a person who is both levels once, at the first", () => {
      expect(told({}, { supervisor: "tech", secondSupervisor: "manager" })).toEqual([
        ["overdue", "boss", null],
        ["overdue", "tech", null],
        ["escalation", "manager", 2],
      ]);
      expect(told({}, { supervisor: "lead", secondSupervisor: "lead" })).toEqual([
        ["overdue", "boss", null],
        ["overdue", "tech", null],
        ["escalation", "lead", 1],
      ]);
    });

    it("gives each person at most one overdue or escalation notice per due moment", () => {
      for (const createdById of ["boss", "tech", "lead", "manager"]) {
        for (const [supervisor, secondSupervisor] of [
          ["lead", "manager"],
          ["lead", "lead"],
          ["tech", "lead"],
          ["manager", "boss"],
        ] as const) {
          const recipients = told({ createdById }, { supervisor, secondSupervisor }).map(([, who]) => who);
          expect(new Set(recipients).size).toBe(recipients.length);
          expect(recipients.filter((who) => who === createdById || who === "tech")).toEqual(createdById === "tech" ? ["tech"] : [createdById, "tech"].sort());
        }
      }
    });
  });
});
