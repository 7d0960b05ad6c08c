import { describe, expect, it } from "vitest";
import { renderHtml } from "@/lib/testing/render-html";
import { ChipList } from "./chip-list";

const PEOPLE = [
  { id: "u-1", label: "Ada Nowak" },
  { id: "u-2", label: "Jan Kowalski" },
];

const removeLabels = (html: string) => [...html.matchAll(/<button type="button" aria-label="([^"]+)"/g)].map((m) => m[1]);

describe("ChipList", () => {
  it("names each remove button after its person, in the reader's language", () => {
    expect(removeLabels(renderHtml(<ChipList items={PEOPLE} onRemove={() => {}} />, "pl"))).toEqual(["Usuń: Ada Nowak", "Usuń: Jan Kowalski"]);
    expect(removeLabels(renderHtml(<ChipList items={PEOPLE} onRemove={() => {}} />, "en"))).toEqual(["Remove Ada Nowak", "Remove Jan Kowalski"]);
  });

  it("is a list named by its label, a chip an item showing the name, the icon hidden from screen readers", () => {
    const html = renderHtml(<ChipList items={PEOPLE} onRemove={() => {}} label="Invited" />, "en");
    expect(html).toMatch(/^<ul aria-label="Invited"/);
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(html).toContain(">Ada Nowak<button");
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/);
  });

  it("draws nothing when nobody is chosen", () => {
    expect(renderHtml(<ChipList items={[]} onRemove={() => {}} label="Invited" />)).toBe("");
  });
});
