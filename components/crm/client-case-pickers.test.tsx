import { describe, expect, it } from "vitest";
import { inputIn, renderHtml } from "@/lib/testing/render-html";
import { ClientCasePickers, withCase, withClient, type ClientAndCase } from "./client-case-pickers";

const MILL = { id: "c-1", label: "Młyn Sp. z o.o." };
const BAKERY = { id: "c-2", label: "Piekarnia Kłos" };
const MILL_CASE = { id: "k-1", label: "#12 Awaria pieca", client: { id: MILL.id, label: MILL.label } };

describe("linking a client and a case", () => {
  it("keeps the case when its own client is chosen again, and drops it for another client", () => {
    const chosen: ClientAndCase = { client: MILL, case: MILL_CASE };
    expect(withClient(chosen, MILL)).toEqual({ client: MILL, case: MILL_CASE });
    expect(withClient(chosen, BAKERY)).toEqual({ client: BAKERY, case: null });
    expect(withClient(chosen, null)).toEqual({ client: null, case: null });
  });

  it("fills in the case's client, and leaves the client alone when the case is cleared", () => {
    expect(withCase({ client: BAKERY, case: null }, MILL_CASE)).toEqual({ client: MILL, case: MILL_CASE });
    expect(withCase({ client: MILL, case: MILL_CASE }, null)).toEqual({ client: MILL, case: null });
  });
});

const TEXT = { client: "Klient", noClient: "Bez klienta", case: "Sprawa", noCase: "Bez sprawy" };

describe("ClientCasePickers", () => {
  it("labels both comboboxes, shows the choice, and sends nothing with a plain submit unless named", () => {
    const html = renderHtml(
      <ClientCasePickers
        ids={{ client: "entry-client", case: "entry-case" }}
        text={TEXT}
        value={{ client: MILL, case: MILL_CASE }}
        onChange={() => {}}
        errors={{}}
      />,
    );
    expect(html).toContain('<label for="entry-client" class="block text-xs font-medium text-slate-700">Klient</label>');
    expect(html).toContain('<label for="entry-case" class="block text-xs font-medium text-slate-700">Sprawa</label>');
    expect(inputIn(html, "entry-client")).toContain(`value="${MILL.label}"`);
    expect(inputIn(html, "entry-case")).toContain(`value="${MILL_CASE.label}"`);
    expect(inputIn(html, "entry-case")).not.toContain("aria-describedby");
    expect([...html.matchAll(/<input type="hidden"[^>]*>/g)].map((m) => m[0])).toEqual([
      '<input type="hidden" disabled="" value="c-1"/>',
      '<input type="hidden" disabled="" value="k-1"/>',
    ]);
  });

  it("names the hidden fields, points the case at its hint, errors at their message, and disables both", () => {
    const html = renderHtml(
      <ClientCasePickers
        ids={{ client: "clientId", case: "caseId" }}
        named
        text={{ ...TEXT, caseHint: "Wybór sprawy uzupełnia klienta." }}
        value={{ client: null, case: null }}
        onChange={() => {}}
        errors={{ client: ["Nie ma takiego klienta."] }}
        disabled
      />,
    );
    const client = inputIn(html, "clientId");
    expect(client).toContain('aria-invalid="true"');
    expect(client).toContain('aria-describedby="clientId-error"');
    expect(client).toContain('placeholder="Bez klienta"');
    expect(client).toContain("disabled");
    expect(html).toContain('<p id="clientId-error" class="text-xs text-red-700" role="alert">Nie ma takiego klienta.</p>');
    const kase = inputIn(html, "caseId");
    expect(kase).toContain('aria-describedby="caseId-hint"');
    expect(kase).not.toContain("aria-invalid");
    expect(html).toContain('<p id="caseId-hint" class="text-xs text-slate-500">Wybór sprawy uzupełnia klienta.</p>');
    const hidden = [...html.matchAll(/<input type="hidden"[^>]*>/g)].map((m) => m[0]);
    expect(hidden).toHaveLength(2);
    expect(hidden[0]).toContain('name="clientId"');
    expect(hidden[1]).toContain('name="caseId"');
    for (const field of hidden) expect(field).toContain('disabled=""');
  });
});
