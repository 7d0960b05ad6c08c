import { Forbidden } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";

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

export function assertCanEditClient(viewer: Viewer, client: { accountManagerId: string | null }): void {
  if (!canEditClient(viewer, client)) throw new Forbidden("crm.errors.clientEditForbidden");
}

export function assertCanManageContacts(viewer: Viewer, client: { accountManagerId: string | null }): void {
  if (!canManageContacts(viewer, client)) throw new Forbidden("crm.errors.contactEditForbidden");
}

export function assertCanEditCase(viewer: Viewer, c: { ownerId: string; createdById: string | null }): void {
  if (!canEditCase(viewer, c)) throw new Forbidden("crm.errors.caseEditForbidden");
}
