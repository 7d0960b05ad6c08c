import { describe, expect, it } from "vitest";
import type { CalendarItem, CalendarWindow } from "@/lib/calendar/types";
import { droppedTime, entryTimeInput, gridEventsOf, withEntryMoved } from "./calendar-items";

const ME = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";

function entry(over: Partial<CalendarItem> = {}): CalendarItem {
  return {
    kind: "entry",
    id: "e1",
    personId: ME,
    ownerId: ME,
    masked: false,
    visibility: "normal",
    title: "Budget review",
    location: null,
    response: null,
    canEdit: true,
    allDay: false,
    start: "2026-12-07T08:00:00.000Z",
    end: "2026-12-07T09:00:00.000Z",
    ...over,
  } as CalendarItem;
}

function windowWith(entries: CalendarItem[]): CalendarWindow {
  return {
    from: "2026-12-06T23:00:00.000Z",
    to: "2026-12-13T23:00:00.000Z",
    people: [{ id: ME, name: "Me" }],
    entries,
    tasks: [{ kind: "task", id: "t1", number: 7, personId: ME, title: "Send the quote", priority: "urgent", dueAt: "2026-12-08T15:00:00.000Z", done: false }],
  };
}

describe("the grid's events", () => {
  it("shows a masked entry as busy, never with a title, and marks private, declined and unanswered ones", () => {
    const events = gridEventsOf(
      windowWith([
        entry({ id: "a", masked: true, title: null, visibility: "private", canEdit: false }),
        entry({ id: "b", response: "declined" }),
        entry({ id: "c", response: "needs_action" }),
        entry({ id: "d", personId: OTHER }),
      ]),
      ME,
      "Busy",
    );
    expect(events.map((e) => [e.id, e.title, e.className, e.editable])).toEqual([
      ["entry:a", "Busy", "cal-entry cal-masked cal-private", false],
      ["entry:b", "Budget review", "cal-entry cal-declined", true],
      ["entry:c", "Budget review", "cal-entry cal-unanswered", true],
      ["task:t1", "Send the quote", "cal-task cal-task-urgent", false],
    ]);
    expect(events[3]).toMatchObject({ url: "/tasks/t1", start: "2026-12-08T15:00:00.000Z", end: "2026-12-08T15:30:00.000Z" });
  });

  it("reads a drop in the viewer's zone: dates for all-day, instants for timed", () => {
    const warsawMidnight = new Date("2026-12-06T23:00:00.000Z");
    expect(droppedTime({ allDay: true, start: warsawMidnight, end: null }, "Europe/Warsaw")).toEqual({
      allDay: true,
      startDate: "2026-12-07",
      endDate: "2026-12-08",
    });
    expect(droppedTime({ allDay: false, start: new Date("2026-12-07T09:00:00Z"), end: null }, "Europe/Warsaw")).toEqual({
      allDay: false,
      start: "2026-12-07T09:00:00.000Z",
      end: "2026-12-07T10:00:00.000Z",
    });
  });

  it("sends wall-clock times in the viewer's zone and an all-day entry's last day, not the day after", () => {
    expect(entryTimeInput({ allDay: false, start: "2026-12-07T08:00:00.000Z", end: "2026-12-07T09:30:00.000Z" }, "Europe/Warsaw")).toEqual({
      allDay: false,
      start: "2026-12-07T09:00",
      end: "2026-12-07T10:30",
    });
    expect(entryTimeInput({ allDay: true, startDate: "2026-12-07", endDate: "2026-12-09" }, "Europe/Warsaw")).toEqual({
      allDay: true,
      startDate: "2026-12-07",
      endDate: "2026-12-08",
    });
  });

  it("moves one entry in a window, in every lane it shows in, and leaves the others", () => {
    const before = windowWith([entry({ id: "a" }), entry({ id: "a", personId: OTHER, response: "accepted" }), entry({ id: "b" })]);
    const after = withEntryMoved(before, "a", { allDay: true, startDate: "2026-12-09", endDate: "2026-12-10" });
    expect(after.entries.map((e) => (e.allDay ? [e.id, e.startDate] : [e.id, e.start]))).toEqual([
      ["a", "2026-12-09"],
      ["a", "2026-12-09"],
      ["b", "2026-12-07T08:00:00.000Z"],
    ]);
    expect(after.entries[0]).not.toHaveProperty("start");
    expect(before.entries[0]).toMatchObject({ start: "2026-12-07T08:00:00.000Z" });
  });
});
