import type { Viewer } from "@/lib/auth/viewer";

/**
 * A case handed to someone by someone else: the event the assignee must hear about. Case
 * commands compute it inside their transaction and return it, so the notification outbox row
 * can be written in that same transaction.
 */
export interface CaseAssignment {
  caseId: string;
  previousOwnerId: string | null;
  ownerId: string;
  assignedById: string;
}

/** Null when the owner did not change or people took the case themselves. */
export function caseAssignment(viewer: Viewer, caseId: string, previousOwnerId: string | null, ownerId: string): CaseAssignment | null {
  if (previousOwnerId === ownerId || ownerId === viewer.id) return null;
  return { caseId, previousOwnerId, ownerId, assignedById: viewer.id };
}
