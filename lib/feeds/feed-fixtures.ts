import ICAL from "ical.js";
import { expect } from "vitest";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { runUnit } from "@/lib/effects/unit";
import { createFeed } from "./commands";
import type { CreateFeedInput } from "./schema";
import { serveFeed, type FeedResponse, type ServeOptions } from "./serve";

// Shared by the feeds' integration tests: make a feed, fetch it, read it as Thunderbird does.

export const APP_URL = "https://baton.example.com";
/** The instant every fetch in these tests happens at: the feeds' windows cover 2027. */
export const FETCH_AT = new Date("2027-01-15T12:00:00Z");

export async function feedToken(db: Db, viewer: Viewer, input: Partial<CreateFeedInput> & Pick<CreateFeedInput, "kind">): Promise<string> {
  const issued = await runUnit(db, viewer, (work) =>
    createFeed(work, { targetId: null, name: "Kalendarz", includeTasks: false, daysBack: 30, daysAhead: 365, ...input }),
  );
  return issued.token;
}

export function fetchFeed(
  db: Db,
  token: string,
  headers: { ifNoneMatch?: string; ifModifiedSince?: string; userAgent?: string } = {},
  now = FETCH_AT,
  options: ServeOptions = {},
): Promise<FeedResponse> {
  return serveFeed(
    db,
    {
      segment: `${token}.ics`,
      ifNoneMatch: headers.ifNoneMatch ?? null,
      ifModifiedSince: headers.ifModifiedSince ?? null,
      userAgent: headers.userAgent ?? "Google-Calendar-Importer",
      now,
      appUrl: APP_URL,
    },
    options,
  );
}

export async function feedText(db: Db, token: string): Promise<string> {
  const answer = await fetchFeed(db, token);
  expect(answer.status).toBe(200);
  return answer.body!;
}

/** The VEVENTs of a feed as ical.js reads them, with its VTIMEZONEs registered first. */
export function parsedEvents(text: string): ICAL.Event[] {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

/** The feed's VEVENT blocks as raw text, by UID. */
export function rawEvents(text: string): Map<string, string> {
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const blocks = unfolded.split("BEGIN:VEVENT\r\n").slice(1);
  return new Map(blocks.map((b) => [/^UID:(.*)$/m.exec(b)![1]!, b.slice(0, b.indexOf("END:VEVENT"))]));
}
