import type { Viewer } from "@/lib/auth/viewer";

/**
 * A case moved from one person to another (or opened for someone): the event its new and
 * previous owners must hear about. Case commands compute it inside their transaction and return
 * it, so the notification outbox rows are written in that same transaction.
 */
export interface CaseAssignment {
  caseId: string;
  previousOwnerId: string | null;
  ownerId: string;
  assignedById: string;
}

/** Null when the owner did not change, or when people opened a case for themselves. */
export function caseAssignment(viewer: Viewer, caseId: string, previousOwnerId: string | null, ownerId: string): CaseAssignment | null {
  if (previousOwnerId === ownerId) return null;
  if (previousOwnerId === null && ownerId === viewer.id) return null;
  return { caseId, previousOwnerId, ownerId, assignedById: viewer.id };
}

/**
 * Who is told: the new owner that the case is theirs, the previous owner that it is not any more;
 * never the person who made the change about their own change.
 */
export function assignmentAudience(a: CaseAssignment): { newOwner: string | null; previousOwner: string | null } {
  return {
    newOwner: a.ownerId === a.assignedById ? null : a.ownerId,
    previousOwner: a.previousOwnerId === null || a.previousOwnerId === a.assignedById ? null : a.previousOwnerId,
  };
}
