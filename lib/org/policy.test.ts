import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { assertCanManageOrganisation, assertNotLockingSelfOut, canEditProfileOf, canManageOrganisation, supervisorProblem } from "./policy";

function viewer(role: Viewer["role"], id = "me"): Viewer {
  return {
    id,
    email: `${id}@test.example`,
    name: id,
    role,
    departmentId: null,
    supervisorId: null,
    timeZone: "Europe/Warsaw",
    locale: "pl",
    workingMode: "office",
  };
}

describe("organisation policy", () => {
  it("lets only administrators manage users, departments and teams", () => {
    expect(canManageOrganisation(viewer("admin"))).toBe(true);
    expect(canManageOrganisation(viewer("manager"))).toBe(false);
    expect(canManageOrganisation(viewer("member"))).toBe(false);
    expect(() => assertCanManageOrganisation(viewer("manager"))).toThrow("adminOnly");
  });

  it("lets a person edit only their own profile", () => {
    expect(canEditProfileOf(viewer("member", "a"), "a")).toBe(true);
    expect(canEditProfileOf(viewer("admin", "a"), "b")).toBe(false);
  });

  it("stops an admin from deactivating or demoting themself, but not others", () => {
    const me = viewer("admin");
    expect(() => assertNotLockingSelfOut(me, "me", { role: "admin", active: false })).toThrow("cannotDeactivateSelf");
    expect(() => assertNotLockingSelfOut(me, "me", { role: "manager", active: true })).toThrow("cannotDemoteSelf");
    expect(() => assertNotLockingSelfOut(me, "me", { role: "admin", active: true })).not.toThrow();
    expect(() => assertNotLockingSelfOut(me, "other", { role: "member", active: false })).not.toThrow();
  });

  it("finds a supervisor who is the user or reports to them, however indirectly", () => {
    expect(supervisorProblem("u", null, [])).toBeNull();
    expect(supervisorProblem("u", "u", ["u"])).toBe("supervisorSelf");
    expect(supervisorProblem("u", "s", ["s", "m", "u", "ceo"])).toBe("supervisorLoop");
    expect(supervisorProblem("u", "s", ["s", "m", "ceo"])).toBeNull();
  });
});
