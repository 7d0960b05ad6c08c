import { describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { assignmentAudience, caseAssignment } from "./assignment";
import { assertCanEditCase, assertCanReassignCase, canEditCase, canEditClient, canManageContacts, canReassignCase, type CaseAssignRight } from "./policy";

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

describe("case reassignment rights", () => {
  const service = { ownerId: "tech", createdById: "boss", kind: "service_request" as const, ownerDepartmentId: "dept-service" };
  const sale = { ...service, kind: "sales_opportunity" as const, ownerDepartmentId: "dept-sales" };
  const forServiceRequests: CaseAssignRight[] = [{ kind: "service_request", departmentId: null }];
  const forServiceDepartment: CaseAssignRight[] = [{ kind: null, departmentId: "dept-service" }];

  it("belong to whoever may edit the case, with or without a right", () => {
    expect(canReassignCase(viewer("tech"), sale, [])).toBe(true);
    expect(canReassignCase(viewer("boss"), sale, [])).toBe(true);
    expect(canReassignCase(viewer("anyone", "manager"), sale, [])).toBe(true);
  });

  it("belong to the holder of a right for the case's kind, or for its owner's department", () => {
    expect(canReassignCase(viewer("dispatcher"), service, forServiceRequests)).toBe(true);
    expect(canReassignCase(viewer("dispatcher"), sale, forServiceRequests)).toBe(false);
    expect(canReassignCase(viewer("head"), service, forServiceDepartment)).toBe(true);
    expect(canReassignCase(viewer("head"), sale, forServiceDepartment)).toBe(false);
    expect(canReassignCase(viewer("head"), { ...service, ownerDepartmentId: null }, forServiceDepartment)).toBe(false);
  });

  it("are refused to anyone else, with a typed error", () => {
    expect(canReassignCase(viewer("stranger"), service, [])).toBe(false);
    expect(() => assertCanReassignCase(viewer("stranger"), service, [])).toThrow("crm.errors.caseReassignForbidden");
    expect(() => assertCanReassignCase(viewer("dispatcher"), service, forServiceRequests)).not.toThrow();
  });
});

describe("caseAssignment", () => {
  it("is an event whenever the owner changes, except for a case people open for themselves", () => {
    const me = viewer("me");
    expect(caseAssignment(me, "c1", null, "other")).toEqual({ caseId: "c1", previousOwnerId: null, ownerId: "other", assignedById: "me" });
    expect(caseAssignment(me, "c1", "me", "other")).toEqual({ caseId: "c1", previousOwnerId: "me", ownerId: "other", assignedById: "me" });
    expect(caseAssignment(me, "c1", "other", "me")).toEqual({ caseId: "c1", previousOwnerId: "other", ownerId: "me", assignedById: "me" });
    expect(caseAssignment(me, "c1", "a", "b")).toEqual({ caseId: "c1", previousOwnerId: "a", ownerId: "b", assignedById: "me" });
    expect(caseAssignment(me, "c1", null, "me")).toBeNull();
    expect(caseAssignment(me, "c1", "other", "other")).toBeNull();
  });

  it("tells both owners, but never the person who made the change", () => {
    const me = viewer("me");
    expect(assignmentAudience(caseAssignment(me, "c1", "a", "b")!)).toEqual({ newOwner: "b", previousOwner: "a" });
    expect(assignmentAudience(caseAssignment(me, "c1", "me", "b")!)).toEqual({ newOwner: "b", previousOwner: null });
    expect(assignmentAudience(caseAssignment(me, "c1", "a", "me")!)).toEqual({ newOwner: null, previousOwner: "a" });
    expect(assignmentAudience(caseAssignment(me, "c1", null, "b")!)).toEqual({ newOwner: "b", previousOwner: null });
  });
});
