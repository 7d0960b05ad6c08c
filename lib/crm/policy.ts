import { Forbidden } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { CaseKind } from "./case-states";

// Baton is a company CRM: every active user (inactive ones have no session) reads every client
// and case and may open new ones, so reads and creation need no rule here. Changing a record
// belongs to the people answerable for it, and to managers and admins.

function isManagerOrAdmin(viewer: Viewer): boolean {
  return viewer.role === "admin" || viewer.role === "manager";
}

export function canEditClient(viewer: Viewer, client: { accountManagerId: string | null }): boolean {
  return isManagerOrAdmin(viewer) || client.accountManagerId === viewer.id;
}

/** Contacts belong to their client: whoever may edit the client manages its contacts. */
export function canManageContacts(viewer: Viewer, client: { accountManagerId: string | null }): boolean {
  return canEditClient(viewer, client);
}

export function canEditCase(viewer: Viewer, c: { ownerId: string; createdById: string | null }): boolean {
  return isManagerOrAdmin(viewer) || c.ownerId === viewer.id || c.createdById === viewer.id;
}

/**
 * A right to hand cases to other people without owning them (a service dispatcher's), given by an
 * administrator: for every case of one kind, or for the cases owned by the people of one department.
 */
export type CaseAssignRight = { kind: CaseKind; departmentId: null } | { kind: null; departmentId: string };

/** The case facts the rights look at: its kind and its current owner's department. */
export interface CaseForReassign {
  ownerId: string;
  createdById: string | null;
  kind: CaseKind;
  ownerDepartmentId: string | null;
}

export function rightCoversCase(right: CaseAssignRight, c: Pick<CaseForReassign, "kind" | "ownerDepartmentId">): boolean {
  return right.kind !== null ? right.kind === c.kind : c.ownerDepartmentId !== null && right.departmentId === c.ownerDepartmentId;
}

/** Whoever may edit a case may hand it on; so may the holder of a right that covers it. */
export function canReassignCase(viewer: Viewer, c: CaseForReassign, rights: readonly CaseAssignRight[]): boolean {
  return canEditCase(viewer, c) || rights.some((r) => rightCoversCase(r, c));
}

export function assertCanReassignCase(viewer: Viewer, c: CaseForReassign, rights: readonly CaseAssignRight[]): void {
  if (!canReassignCase(viewer, c, rights)) throw new Forbidden("crm.errors.caseReassignForbidden");
}

export function assertCanEditClient(viewer: Viewer, client: { accountManagerId: string | null }): void {
  if (!canEditClient(viewer, client)) throw new Forbidden("crm.errors.clientEditForbidden");
}

export function assertCanManageContacts(viewer: Viewer, client: { accountManagerId: string | null }): void {
  if (!canManageContacts(viewer, client)) throw new Forbidden("crm.errors.contactEditForbidden");
}

export function assertCanEditCase(viewer: Viewer, c: { ownerId: string; createdById: string | null }): void {
  if (!canEditCase(viewer, c)) throw new Forbidden("crm.errors.caseEditForbidden");
}
