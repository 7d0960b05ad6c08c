import { describe, expect, it, vi } from "vitest";
import { inputIn, renderHtml } from "@/lib/testing/render-html";
import { EntryForm, type EntryFormValues } from "./entry-form";

vi.mock("@/lib/calendar/actions", () => ({ createEntryAction: async () => ({}), updateEntryAction: async () => ({}), moveEntryAction: async () => ({}) }));

const VALUES: EntryFormValues = {
  title: "Przegląd kotłowni",
  allDay: false,
  start: "2026-12-07T09:00",
  end: "2026-12-07T10:30",
  startDate: "2026-12-07",
  endDate: "2026-12-08",
  location: "",
  description: "",
  private: false,
  client: { id: "c-1", label: "Młyn" },
  case: null,
  attendees: [{ id: "u-2", label: "Ada Nowak" }],
};

function render(values: EntryFormValues): string {
  return renderHtml(
    <EntryForm mode="edit" entryId="e-1" initial={values} timeZone="Europe/Warsaw" me={{ id: "u-1", name: "Jan" }} onDone={() => {}} onCancel={() => {}} />,
  );
}

/** What each time field must be: its label, its input's attributes, and the hint it points to (or none). */
const TIMED = [
  { id: "entry-start", label: "Początek", attributes: ['type="datetime-local"', 'value="2026-12-07T09:00"'], hint: "Godziny w strefie Europe/Warsaw." },
  { id: "entry-end", label: "Koniec", attributes: ['type="datetime-local"', 'min="2026-12-07T09:00"', 'value="2026-12-07T10:30"'] },
];
const ALL_DAY = [
  { id: "entry-start-date", label: "Pierwszy dzień", attributes: ['type="date"', 'value="2026-12-07"'] },
  {
    id: "entry-end-date",
    label: "Ostatni dzień",
    attributes: ['type="date"', 'min="2026-12-07"', 'value="2026-12-08"'],
    hint: "Wpis obejmuje także ten dzień.",
  },
];

describe("EntryForm's times", () => {
  it.each([
    { when: "start and end hours in the viewer's zone, the end never before the start", allDay: false, shown: TIMED, hidden: ALL_DAY },
    { when: "a first and a last day for an all-day entry, the last never before the first", allDay: true, shown: ALL_DAY, hidden: TIMED },
  ])("asks for $when", ({ allDay, shown, hidden }) => {
    const html = render({ ...VALUES, allDay });
    for (const field of shown) {
      expect(html).toContain(`<label for="${field.id}" class="block text-xs font-medium text-slate-700">${field.label}</label>`);
      const input = inputIn(html, field.id);
      for (const attribute of field.attributes) expect(input).toContain(attribute);
      if (!field.attributes.some((a) => a.startsWith("min="))) expect(input).not.toContain("min=");
      if (field.hint) {
        expect(input).toContain(`aria-describedby="${field.id}-hint"`);
        expect(html).toContain(`<p id="${field.id}-hint" class="text-xs text-slate-500">${field.hint}</p>`);
      } else expect(input).not.toContain("aria-describedby");
    }
    for (const field of hidden) expect(html).not.toContain(`id="${field.id}"`);
  });
});

describe("EntryForm's client, case and people", () => {
  it("shows the chosen client, no case, and the invited people, each removable by a named button", () => {
    const html = render(VALUES);
    expect(inputIn(html, "entry-client")).toContain('value="Młyn"');
    expect(inputIn(html, "entry-case")).toContain('placeholder="Bez sprawy"');
    expect(html).toContain('<ul aria-label="Zaproszeni"');
    expect(html).toContain('aria-label="Usuń: Ada Nowak"');
  });
});

describe("EntryForm's rooms and equipment", () => {
  it("labels the resource search, describes it, and lists the booked resources, each removable by a named button", () => {
    const html = render({ ...VALUES, resources: [{ id: "r-1", label: "Sala Kopernik" }] });
    expect(html).toContain('<label for="entry-resources" class="block text-xs font-medium text-slate-700">Sale i sprzęt</label>');
    const input = inputIn(html, "entry-resources");
    expect(input).toContain('aria-describedby="entry-resources-hint"');
    expect(input).not.toContain(` disabled=""`);
    expect(html).toContain('<ul aria-label="Zarezerwowane zasoby"');
    expect(html).toContain('aria-label="Usuń: Sala Kopernik"');
  });

  it("says why an all-day entry holds none and offers no search", () => {
    const html = render({ ...VALUES, allDay: true });
    expect(inputIn(html, "entry-resources")).toContain(` disabled=""`);
    expect(html).toContain("wpisy całodniowe ich nie mają");
  });
});
