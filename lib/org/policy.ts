import { Forbidden, Invalid } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Role } from "./schema";

/** Users, departments and teams are the administrators' to manage. */
export function canManageOrganisation(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

export function assertCanManageOrganisation(viewer: Viewer): void {
  if (!canManageOrganisation(viewer)) throw new Forbidden("adminOnly");
}

/**
 * The fields a person may change on their own account. Role, department, teams, supervisor,
 * e-mail and the active flag shape what others see and who escalates to whom, so only an
 * administrator sets them.
 */
export const SELF_EDITABLE_FIELDS = ["name", "phone", "timeZone", "locale", "dateFormat", "workingMode"] as const;
export type SelfEditableField = (typeof SELF_EDITABLE_FIELDS)[number];

export function canEditProfileOf(viewer: Viewer, userId: string): boolean {
  return viewer.id === userId;
}

/**
 * An administrator who locks themself out (deactivated or no longer admin) may leave the
 * organisation with nobody able to undo it.
 */
export function assertNotLockingSelfOut(viewer: Viewer, targetId: string, next: { role: Role; active: boolean }): void {
  if (viewer.id !== targetId) return;
  if (!next.active) throw new Invalid("cannotDeactivateSelf", { active: ["cannotDeactivateSelf"] });
  if (next.role !== "admin") throw new Invalid("cannotDemoteSelf", { role: ["cannotDemoteSelf"] });
}

/**
 * Why `supervisorId` cannot supervise `userId`, given the chain of people above the proposed
 * supervisor (the supervisor first, then their supervisor, and so on); null when it can.
 */
export function supervisorProblem(
  userId: string,
  supervisorId: string | null,
  chainAboveSupervisor: readonly string[],
): "supervisorSelf" | "supervisorLoop" | null {
  if (supervisorId === null) return null;
  if (supervisorId === userId) return "supervisorSelf";
  return chainAboveSupervisor.includes(userId) ? "supervisorLoop" : null;
}
