import type { EntryVisibility } from "./types";

/**
 * How a viewer stands to one entry. Written once here and mirrored in SQL by access.ts (the
 * window query masks rows in the database with the same rule); a unit test keeps the two equal.
 */
export interface EntryRelation {
  isOwner: boolean;
  isAttendee: boolean;
  /** The owner lets the viewer edit their calendar. */
  grantEdit: boolean;
  /** The owner lets the viewer see their private entries' details. */
  grantSeePrivate: boolean;
}

/**
 * A normal entry is open to everyone in the company. A private one shows its details to its
 * owner, to its attendees (they were invited: it is in their own calendar too) and to those the
 * owner lets see private entries; to everyone else, admins included, it is only "Busy".
 */
export function canSeeDetails(visibility: EntryVisibility, r: EntryRelation): boolean {
  return visibility === "normal" || r.isOwner || r.isAttendee || r.grantSeePrivate;
}

/**
 * The owner and those they let edit. An editor without "see private" may not change a private
 * entry: they would change what they may not read, and the form would show it to them.
 */
export function canEditEntry(visibility: EntryVisibility, r: EntryRelation): boolean {
  if (r.isOwner) return true;
  return r.grantEdit && (visibility === "normal" || r.grantSeePrivate);
}

/** Who may put a new entry in `ownerId`'s calendar: the owner and those they let edit. */
export function canAddTo(viewerId: string, ownerId: string, grantEdit: boolean): boolean {
  return viewerId === ownerId || grantEdit;
}
