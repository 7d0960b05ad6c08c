import { describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { caseAssignment } from "./assignment";
import { assertCanEditCase, canEditCase, canEditClient, canManageContacts } from "./policy";

function viewer(id: string, role: Viewer["role"] = "member"): Viewer {
  return {
    id,
    role,
    email: `${id}@test.example`,
    name: id,
    departmentId: null,
    supervisorId: null,
    timeZone: "Europe/Warsaw",
    locale: "pl",
    workingMode: "office",
  };
}

describe("case edit rights", () => {
  const c = { ownerId: "owner", createdById: "creator" };
  it("belong to the owner, the creator, managers and admins", () => {
    expect(canEditCase(viewer("owner"), c)).toBe(true);
    expect(canEditCase(viewer("creator"), c)).toBe(true);
    expect(canEditCase(viewer("boss", "manager"), c)).toBe(true);
    expect(canEditCase(viewer("root", "admin"), c)).toBe(true);
  });

  it("are refused to anyone else, with a typed error", () => {
    expect(canEditCase(viewer("stranger"), c)).toBe(false);
    expect(canEditCase(viewer("stranger"), { ownerId: "owner", createdById: null })).toBe(false);
    expect(() => assertCanEditCase(viewer("stranger"), c)).toThrow(Forbidden);
    expect(() => assertCanEditCase(viewer("stranger"), c)).toThrow("crm.errors.caseEditForbidden");
  });
});

describe("client edit rights", () => {
  it("belong to the account manager, managers and admins, and cover contacts", () => {
    const client = { accountManagerId: "am" };
    expect(canEditClient(viewer("am"), client)).toBe(true);
    expect(canEditClient(viewer("boss", "manager"), client)).toBe(true);
    expect(canEditClient(viewer("root", "admin"), client)).toBe(true);
    expect(canEditClient(viewer("stranger"), client)).toBe(false);
    expect(canEditClient(viewer("stranger"), { accountManagerId: null })).toBe(false);
    expect(canManageContacts(viewer("am"), client)).toBe(true);
    expect(canManageContacts(viewer("stranger"), client)).toBe(false);
  });
});

describe("caseAssignment", () => {
  it("is an event only when somebody else receives the case", () => {
    const me = viewer("me");
    expect(caseAssignment(me, "c1", null, "other")).toEqual({ caseId: "c1", previousOwnerId: null, ownerId: "other", assignedById: "me" });
    expect(caseAssignment(me, "c1", "me", "other")).toEqual({ caseId: "c1", previousOwnerId: "me", ownerId: "other", assignedById: "me" });
    expect(caseAssignment(me, "c1", null, "me")).toBeNull();
    expect(caseAssignment(me, "c1", "other", "me")).toBeNull();
    expect(caseAssignment(me, "c1", "other", "other")).toBeNull();
  });
});
