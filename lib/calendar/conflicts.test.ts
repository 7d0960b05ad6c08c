import { describe, expect, it } from "vitest";
import { conflictsIn } from "./conflicts";
import type { CalendarItem, CalendarWindow } from "./types";

const base = {
  kind: "entry" as const,
  ownerId: "o",
  visibility: "normal" as const,
  location: null,
  response: null,
  canEdit: false,
  masked: false,
  recurrenceId: null,
};
const timed = (id: string, personId: string, start: string, end: string, extra: Partial<CalendarItem> = {}): CalendarItem =>
  ({ ...base, id, personId, title: id, allDay: false, start, end, ...extra }) as CalendarItem;

const window: CalendarWindow = {
  from: "2027-03-02T00:00:00Z",
  to: "2027-03-03T00:00:00Z",
  people: [
    { id: "ala", name: "Ala" },
    { id: "ola", name: "Ola" },
  ],
  entries: [
    timed("before", "ala", "2027-03-02T08:00:00Z", "2027-03-02T09:00:00Z"),
    timed("overlap", "ala", "2027-03-02T09:30:00Z", "2027-03-02T10:30:00Z"),
    timed("secret", "ola", "2027-03-02T09:00:00Z", "2027-03-02T09:15:00Z", { masked: true, title: null, visibility: "private" }),
    timed("declined", "ola", "2027-03-02T09:00:00Z", "2027-03-02T11:00:00Z", { response: "declined" }),
    timed("self", "ala", "2027-03-02T09:00:00Z", "2027-03-02T10:00:00Z"),
    { ...base, id: "holiday", personId: "ola", title: "Urlop", allDay: true, startDate: "2027-03-02", endDate: "2027-03-03" },
  ],
  tasks: [],
};
const wanted = {
  start: new Date("2027-03-02T09:00:00Z"),
  end: new Date("2027-03-02T10:00:00Z"),
  startDate: "2027-03-02",
  endDate: "2027-03-03",
  people: ["ala", "ola"],
  exceptEntryId: "self",
};

describe("conflictsIn", () => {
  it("warns of overlapping entries (half-open: one ending at the start is no conflict), masked ones as Busy, all-day ones by date", () => {
    expect(conflictsIn(window, wanted).map((c) => [c.entryId, c.personName, c.title])).toEqual([
      ["overlap", "Ala", "overlap"],
      ["secret", "Ola", null],
      ["holiday", "Ola", "Urlop"],
    ]);
  });

  it("ignores declined invitations, the entry itself and people not asked about", () => {
    const ids = conflictsIn(window, { ...wanted, people: ["ala"] }).map((c) => c.entryId);
    expect(ids).toEqual(["overlap"]);
  });
});
