import { describe, expect, it } from "vitest";
import { entryTimelineOf, type EntryRecipient } from "./timeline";

const entry = { id: "e1", allDay: false, startsAt: new Date("2027-05-10T07:00:00Z"), startDate: null, cancelled: false };
const person = (id: string, response: EntryRecipient["response"], defaults: EntryRecipient["defaults"] = []): EntryRecipient => ({
  id,
  timeZone: "Europe/Warsaw",
  response,
  defaults,
});

describe("an entry's reminders", () => {
  it("go to the owner and every attendee who has not declined, 15 minutes before unless someone says otherwise", () => {
    const moments = entryTimelineOf(
      entry,
      [],
      [person("owner", null), person("yes", "accepted"), person("maybe", "tentative"), person("no", "declined"), person("new", "needs_action")],
    );
    expect(moments.map((m) => m.recipientId).sort()).toEqual(["maybe", "new", "owner", "yes"]);
    expect(new Set(moments.map((m) => m.at.toISOString()))).toEqual(new Set(["2027-05-10T06:45:00.000Z"]));
    expect(moments.every((m) => m.kind === "reminder" && m.key.startsWith("reminder:entry:e1:"))).toBe(true);
  });

  it("take the entry's own reminders over each person's defaults", () => {
    const own = [{ offsetMinutes: null, fireAt: new Date("2027-05-09T16:00:00Z"), channel: "email" as const }];
    const recipients = [person("owner", null, [{ offsetMinutes: 60, fireAt: null, channel: null }])];
    expect(entryTimelineOf(entry, [], recipients).map((m) => m.at.toISOString())).toEqual(["2027-05-10T06:00:00.000Z"]);
    expect(entryTimelineOf(entry, own, recipients).map((m) => [m.at.toISOString(), m.channel])).toEqual([["2027-05-09T16:00:00.000Z", "email"]]);
  });

  it("are none for a cancelled entry", () => {
    expect(entryTimelineOf({ ...entry, cancelled: true }, [], [person("owner", null)])).toEqual([]);
  });
});
