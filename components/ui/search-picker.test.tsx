import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { SearchPicker } from "./search-picker";

function render(node: ReactNode): string {
  return renderToString(
    <NextIntlClientProvider locale="en" messages={messages.en} timeZone="Europe/Warsaw">
      <label htmlFor="who">Assignee</label>
      {node}
    </NextIntlClientProvider>,
  );
}

function attributesOf(html: string, selector: RegExp): string {
  const tag = html.match(selector)?.[0];
  if (!tag) throw new Error(`no ${selector} in ${html}`);
  return tag;
}

describe("SearchPicker's first render (server-side, before any search)", () => {
  it("is a labelled, collapsed combobox showing the chosen person's name, with the id in a hidden field", () => {
    const html = render(<SearchPicker id="who" name="assigneeId" source="people" defaultValue={{ id: "u-1", label: "Ada Nowak", detail: "Serwisantka" }} />);
    const input = attributesOf(html, /<input[^>]*role="combobox"[^>]*>/);
    expect(input).toContain('id="who"');
    expect(input).toContain('value="Ada Nowak"');
    expect(input).toContain('aria-expanded="false"');
    expect(input).toContain('aria-autocomplete="list"');
    expect(input).toMatch(/aria-controls="[^"]+"/);
    expect(attributesOf(html, /<input[^>]*type="hidden"[^>]*>/)).toMatch(/name="assigneeId"[^>]*value="u-1"|value="u-1"[^>]*name="assigneeId"/);
    expect(html).toMatch(/<ul[^>]*role="listbox"/);
    // No list is sent with the page: the options come from the server as one types.
    expect(html).not.toContain('role="option"');
    expect(attributesOf(html, /<button[^>]*>/)).toContain('aria-label="Show choices"');
  });

  it("shows nothing chosen as the empty label's placeholder and submits an empty value", () => {
    const html = render(<SearchPicker id="who" name="person" source="people" emptyLabel="Everyone" />);
    const input = attributesOf(html, /<input[^>]*role="combobox"[^>]*>/);
    expect(input).toContain('value=""');
    expect(input).toContain('placeholder="Everyone"');
    expect(attributesOf(html, /<input[^>]*type="hidden"[^>]*>/)).toContain('value=""');
  });

  it("passes invalid state and its description to the combobox, and a disabled picker submits nothing", () => {
    const html = render(
      <SearchPicker id="who" name="clientId" source="clients" value={{ id: "c-1", label: "Młyn" }} disabled aria-invalid aria-describedby="who-error" />,
    );
    const input = attributesOf(html, /<input[^>]*role="combobox"[^>]*>/);
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="who-error"');
    expect(input).toContain("disabled");
    expect(attributesOf(html, /<input[^>]*type="hidden"[^>]*>/)).toContain("disabled");
  });
});
