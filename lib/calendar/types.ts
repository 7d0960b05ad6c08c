/** What a calendar view receives: entries and due tasks of the people shown, already masked for the viewer. */

export const ENTRY_VISIBILITIES = ["normal", "private"] as const;
export type EntryVisibility = (typeof ENTRY_VISIBILITIES)[number];

export const ATTENDEE_RESPONSES = ["needs_action", "accepted", "tentative", "declined"] as const;
export type AttendeeResponse = (typeof ATTENDEE_RESPONSES)[number];

/** The answers an attendee gives (an invitation's three buttons). */
export const ANSWERS = ["accepted", "tentative", "declined"] as const;
export type Answer = (typeof ANSWERS)[number];

/** When an entry happens: instants for a timed entry, local dates (end exclusive) for an all-day one. */
export type EntryTime = { allDay: false; start: string; end: string } | { allDay: true; startDate: string; endDate: string };

/**
 * One entry as it appears in one person's calendar (an entry shown for two people appears twice,
 * once per `personId`). When `masked`, the viewer may not see its details: everything but its
 * time is null, and the server never sent them.
 */
export type CalendarItem = EntryTime & {
  kind: "entry";
  id: string;
  /** Whose calendar (lane) this row belongs to. */
  personId: string;
  /** The entry's owner (the calendar it lives in). */
  ownerId: string;
  masked: boolean;
  visibility: EntryVisibility;
  title: string | null;
  location: string | null;
  /** `personId`'s answer when they are an attendee; null in the owner's own calendar. */
  response: AttendeeResponse | null;
  /** The viewer may move, resize and edit it. */
  canEdit: boolean;
  /**
   * For one occurrence of a recurring series, the start its rule gives it (its RECURRENCE-ID, an
   * instant); `id` is then the series' entry, and `id` with this is the occurrence. Null for a single entry.
   */
  recurrenceId: string | null;
};

/** A task with a due moment, shown in its assignee's calendar as a due marker. */
export interface DueMarker {
  kind: "task";
  id: string;
  number: number;
  personId: string;
  title: string;
  priority: "low" | "normal" | "high" | "urgent";
  dueAt: string;
  done: boolean;
}

/** The answer of GET /api/calendar/window?from=&to=&people=. */
export interface CalendarWindow {
  from: string;
  to: string;
  people: { id: string; name: string }[];
  entries: CalendarItem[];
  tasks: DueMarker[];
}
