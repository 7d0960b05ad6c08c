import { describe, expect, it, vi } from "vitest";
import { renderHtml } from "@/lib/testing/render-html";
import { calendarReaderFor } from "./calendar-reader";
import { FreeTimeFinder } from "./free-time-finder";

vi.mock("@/lib/resources/finder-action", () => ({ findFreeSlotsAction: async () => ({ ok: true, data: [] }) }));

const reader = calendarReaderFor("pl", "Europe/Warsaw");

describe("FreeTimeFinder", () => {
  it("labels its controls in the page's language and offers the search once someone is chosen", () => {
    const html = renderHtml(<FreeTimeFinder people={["u-1"]} resources={[]} reader={reader} onPick={() => {}} />);
    expect(html).toContain("Znajdź termin");
    expect(html).toMatch(/<label for="[^"]+-duration"[^>]*>Czas trwania \(minuty\)<\/label>/);
    expect(html).toMatch(/<input[^>]*type="number"[^>]*min="5"[^>]*max="720"[^>]*value="60"/);
    expect(html).toContain("Tylko w godzinach pracy");
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>Znajdź wolne terminy/);
    const english = renderHtml(<FreeTimeFinder people={["u-1"]} resources={[]} reader={reader} onPick={() => {}} />, "en");
    expect(english).toContain("Find free times");
  });

  it("says what to do first when nobody and nothing is chosen, with the search disabled", () => {
    const html = renderHtml(<FreeTimeFinder people={[]} resources={[]} reader={reader} onPick={() => {}} />);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Znajdź wolne terminy<\/button>/);
    expect(html).toContain("Najpierw wybierz osoby lub zasoby.");
  });
});
