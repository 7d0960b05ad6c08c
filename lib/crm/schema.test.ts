import { describe, expect, it } from "vitest";
import { caseListFilters, clientListFilters, createCaseInput, createClientInput } from "./schema";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

describe("client input", () => {
  it("stores empty fields as null, tax ids without separators and phones in E.164", () => {
    const r = createClientInput.parse({
      name: "  Polmet  ",
      taxId: "676-245-12-30",
      email: "",
      phone: "12 421 05 00",
      city: " Kraków ",
      address: "",
      notes: "",
      accountManagerId: "",
    });
    expect(r).toEqual({
      name: "Polmet",
      taxId: "6762451230",
      email: null,
      phone: "+48124210500",
      city: "Kraków",
      address: null,
      notes: null,
      accountManagerId: null,
    });
    expect(createClientInput.parse({ name: "Schmidt GmbH", taxId: "de 123 456 789" }).taxId).toBe("DE123456789");
  });

  it("names what is wrong", () => {
    const r = createClientInput.safeParse({ name: " ", email: "not-an-email", phone: "123", taxId: "??", accountManagerId: "nobody" });
    expect(issues(r).sort()).toEqual(
      [
        "accountManagerId:crm.errors.accountManagerNotFound",
        "email:invalidEmail",
        "name:required",
        "phone:invalidPhone",
        "taxId:crm.errors.invalidTaxId",
      ].sort(),
    );
  });
});

describe("case input", () => {
  const base = { kind: "service_request", title: "Awaria", ownerId: "6f1c1d2e-1b7a-4c4e-9a55-3f0c2b8e9d10", clientId: "0b9e7b1e-8a61-4a8e-a3cb-5a2c7c9f4d21" };

  it("defaults status and priority and keeps the wall-clock due time for the command", () => {
    expect(createCaseInput.parse({ ...base, dueAt: "2026-03-29T09:30" })).toMatchObject({
      status: "new",
      priority: "normal",
      dueAt: "2026-03-29T09:30",
      description: null,
    });
    expect(createCaseInput.parse({ ...base, dueAt: "" }).dueAt).toBeNull();
  });

  it("refuses a missing title, an impossible date, unknown references and a status foreign to the kind", () => {
    expect(issues(createCaseInput.safeParse({ ...base, title: "" }))).toEqual(["title:required"]);
    expect(issues(createCaseInput.safeParse({ ...base, dueAt: "2026-02-30T10:00" }))).toEqual(["dueAt:invalidDate"]);
    expect(issues(createCaseInput.safeParse({ ...base, clientId: "", ownerId: "x" })).sort()).toEqual(["clientId:required", "ownerId:ownerNotFound"]);
    expect(issues(createCaseInput.safeParse({ ...base, status: "won" }))).toEqual(["status:crm.errors.statusNotForKind"]);
  });
});

describe("list filters", () => {
  it("fall back to no filter on anything unexpected", () => {
    expect(clientListFilters.parse({ q: ["Wawel", "x"], manager: "nope", page: "-3" })).toEqual({ q: "Wawel", city: "", manager: "", page: 1 });
    expect(caseListFilters.parse({})).toEqual({ q: "", kind: undefined, status: "open", priority: undefined, owner: undefined, client: "", page: 1 });
    expect(caseListFilters.parse({ status: "won", owner: "mine", kind: "x", page: "2" })).toMatchObject({
      status: "won",
      owner: "mine",
      kind: undefined,
      page: 2,
    });
  });
});
