import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import ical from "node-ical";
import { readCalendarUnder } from "../lib/testing/ical-readers";
import { devFeedLeakFile, devFeedTokenFile, devPort } from "./dev-feed-config";

/**
 * A calendar app subscribed to a feed served by `npm run dev`: a plain HTTP client with no
 * session fetches the sales director's own feed (made before the server started, see
 * e2e/serve-dev.ts), and ical.js and node-ical both read it, with the same instants.
 */
test("a feed served by the dev server reads in ical.js and node-ical", async () => {
  const port = devPort();
  const { token } = JSON.parse(readFileSync(devFeedTokenFile(port), "utf8")) as { token: string };
  const url = `http://localhost:${port}/api/feeds/${token}.ics`;
  const answer = await fetch(url, { headers: { "User-Agent": "Google-Calendar-Importer" } });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  const text = await answer.text();
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  // The creator's zone with its VTIMEZONE (Outlook shifts times without one), read from ical-timezones' own files.
  expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Warsaw\r\n");
  expect(text).toMatch(/^DTSTART;TZID=Europe\/Warsaw:\d{8}T\d{6}\r$/m);

  const root = new ICAL.Component(ICAL.parse(text));
  expect(root.getFirstPropertyValue("x-wr-calname")).toBe("Dev feed");
  const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(events.length).toBeGreaterThan(5);
  // The demo's sales director has a private doctor's visit this week: his own feed shows it.
  expect(events.map((e) => e.summary)).toContain("Wizyta u lekarza");

  const parsed = Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  expect(parsed.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  expect(parsed.find((e) => e.summary === "Wizyta u lekarza")).toBeDefined();
  // Every event's instants, as each parser reads them in a process far from Warsaw, agree.
  const readings = readCalendarUnder("America/New_York", text);
  expect(readings.icaljs.length).toBe(events.length);
  expect(readings.nodeIcal).toEqual(readings.icaljs);

  const etag = answer.headers.get("etag")!;
  expect((await fetch(url, { headers: { "If-None-Match": etag } })).status).toBe(304);
  const unknown = await fetch(`http://localhost:${port}/api/feeds/${"x".repeat(43)}.ics`);
  expect(unknown.status).toBe(404);
  // The dev server logs request paths; a feed's path is its secret and must not be among them.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(existsSync(devFeedLeakFile(port)), "the feed token appeared in the dev server's output").toBe(false);
});
