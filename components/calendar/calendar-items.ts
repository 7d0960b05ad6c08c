import type { CalendarItem, CalendarWindow, DueMarker, EntryTime } from "@/lib/calendar/types";
import { addCalendarDays, instantToWallClock, localDateOf } from "@/lib/time/zoned";

/**
 * What the grid draws for one row of a window: an entry in a person's calendar or a task's due
 * marker. Kept apart from FullCalendar's own event type so this file (and its tests) need no
 * browser and the page can draw before the calendar library has loaded.
 */
export interface GridEvent {
  id: string;
  title: string;
  allDay: boolean;
  /** An instant (timed) or a local date (all-day). */
  start: string;
  /** An instant (timed) or the local date after the last day (all-day). */
  end: string;
  url?: string;
  editable: boolean;
  className: string;
  /** Fill and text colours (FullCalendar puts them in CSS variables); every pair reads at 4.5:1 or better. */
  color: string;
  contrastColor: string;
  extendedProps: { kind: "entry"; item: CalendarItem } | { kind: "task"; task: DueMarker };
}

const TASK_MARKER_MS = 30 * 60_000;

// The entry colours follow the brand; due markers take the priority colours of the task lists.
const ENTRY_COLOURS = {
  confirmed: ["#2857c2", "#ffffff"],
  unanswered: ["#dbe6fe", "#15295a"],
  declined: ["#e2e8f0", "#475569"],
  masked: ["#64748b", "#ffffff"],
} as const;
const TASK_COLOURS = {
  low: ["#f1f5f9", "#334155"],
  normal: ["#dbeafe", "#1e3a8a"],
  high: ["#fef3c7", "#78350f"],
  urgent: ["#fee2e2", "#7f1d1d"],
  done: ["#f1f5f9", "#475569"],
} as const;

/** The grid's events for one person's calendar: their entries and their due tasks. */
export function gridEventsOf(window: CalendarWindow | undefined, personId: string, busyLabel: string): GridEvent[] {
  if (!window) return [];
  const entries = window.entries.filter((e) => e.personId === personId).map((item) => entryEvent(item, busyLabel));
  const tasks = window.tasks.filter((t) => t.personId === personId).map(taskEvent);
  return [...entries, ...tasks];
}

/**
 * How an entry reads at a glance in a person's calendar, in every view: someone's private entry
 * (Busy), declined, not yet answered (or tentative), or simply on.
 */
export type EntryState = keyof typeof ENTRY_COLOURS;

export function entryStateOf(item: CalendarItem): EntryState {
  if (item.masked) return "masked";
  if (item.response === "declined") return "declined";
  if (item.response === "tentative" || item.response === "needs_action") return "unanswered";
  return "confirmed";
}

/** One item's key in a view: an entry, or one occurrence of a series (the same entry many times in a week). */
export function itemKey(item: Pick<CalendarItem, "id" | "recurrenceId">): string {
  return item.recurrenceId ? `${item.id}@${item.recurrenceId}` : item.id;
}

function entryEvent(item: CalendarItem, busyLabel: string): GridEvent {
  const classes = ["cal-entry"];
  if (item.masked) classes.push("cal-masked");
  if (item.visibility === "private") classes.push("cal-private");
  if (item.response === "declined") classes.push("cal-declined");
  if (item.response === "tentative" || item.response === "needs_action") classes.push("cal-unanswered");
  const [color, contrastColor] = ENTRY_COLOURS[entryStateOf(item)];
  return {
    id: `entry:${itemKey(item)}`,
    title: item.masked || !item.title ? busyLabel : item.title,
    ...(item.allDay ? { allDay: true, start: item.startDate, end: item.endDate } : { allDay: false, start: item.start, end: item.end }),
    // A drag would move the whole series: an occurrence moves through its dialog, which asks which ones.
    editable: item.canEdit && !item.recurrenceId,
    className: classes.join(" "),
    color,
    contrastColor,
    extendedProps: { kind: "entry", item },
  };
}

function taskEvent(task: DueMarker): GridEvent {
  const end = new Date(Date.parse(task.dueAt) + TASK_MARKER_MS).toISOString();
  return {
    id: `task:${task.id}`,
    title: task.title,
    allDay: false,
    start: task.dueAt,
    end,
    url: `/tasks/${task.id}`,
    editable: false,
    className: `cal-task cal-task-${task.priority}${task.done ? " cal-task-done" : ""}`,
    color: TASK_COLOURS[task.done ? "done" : task.priority][0],
    contrastColor: TASK_COLOURS[task.done ? "done" : task.priority][1],
    extendedProps: { kind: "task", task },
  };
}

/** Where the grid put an entry after a drag or resize, read in the viewer's zone. */
export function droppedTime(drop: { allDay: boolean; start: Date; end: Date | null }, timeZone: string): EntryTime {
  if (drop.allDay) {
    const startDate = localDateOf(drop.start, timeZone);
    const endDate = drop.end ? localDateOf(drop.end, timeZone) : addCalendarDays(startDate, 1);
    return { allDay: true, startDate, endDate: endDate > startDate ? endDate : addCalendarDays(startDate, 1) };
  }
  // An all-day entry dropped into the hours keeps FullCalendar's default length of an hour.
  const end = drop.end ?? new Date(drop.start.getTime() + 3_600_000);
  return { allDay: false, start: drop.start.toISOString(), end: end.toISOString() };
}

/**
 * The actions' form of a time: wall-clock strings in the viewer's zone for a timed entry, and
 * the last day (inclusive, as a person types it) for an all-day one.
 */
export type EntryTimeInput = { allDay: false; start: string; end: string } | { allDay: true; startDate: string; endDate: string };

export function entryTimeInput(time: EntryTime, timeZone: string): EntryTimeInput {
  if (time.allDay) return { allDay: true, startDate: time.startDate, endDate: addCalendarDays(time.endDate, -1) };
  return { allDay: false, start: instantToWallClock(new Date(time.start), timeZone), end: instantToWallClock(new Date(time.end), timeZone) };
}

/** The window with one entry moved: what the grid shows while the server has not answered yet. */
export function withEntryMoved(window: CalendarWindow, entryId: string, time: EntryTime): CalendarWindow {
  const moved = (item: CalendarItem): CalendarItem => {
    const {
      start: _s,
      end: _e,
      startDate: _sd,
      endDate: _ed,
      ...rest
    } = item as CalendarItem & Partial<Record<"start" | "end" | "startDate" | "endDate", string>>;
    return { ...rest, ...time } as CalendarItem;
  };
  return { ...window, entries: window.entries.map((item) => (item.id === entryId ? moved(item) : item)) };
}
