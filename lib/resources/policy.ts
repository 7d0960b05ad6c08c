import type { Viewer } from "@/lib/auth/viewer";
import { canEditEntry, type EntryRelation } from "@/lib/calendar/policy";
import type { EntryVisibility } from "@/lib/calendar/types";

/** Resources are the administrators' to create, edit and retire. */
export function canManageResources(viewer: Pick<Viewer, "role">): boolean {
  return viewer.role === "admin";
}

/** Whom the department rule reads: a person's role and department (and, for a meeting's booking, its organiser's name for the message). */
export type BookingParty = Pick<Viewer, "role" | "departmentId"> & { organiser?: string };

/** Everyone may book a resource unless only chosen departments may; admins always may. */
export function mayBook(party: BookingParty, resource: { departmentsOnly: boolean }, allowedDepartmentIds: readonly string[]): boolean {
  if (!resource.departmentsOnly || canManageResources(party)) return true;
  return party.departmentId !== null && allowedDepartmentIds.includes(party.departmentId);
}

/**
 * Whom a booking is for, as the department rule reads it. A standalone booking is the booker's
 * own. A meeting's booking is for its organiser (the meeting happens in their calendar, whoever
 * edits it for them): their department decides, and an assistant from elsewhere cannot take a
 * department's van for a meeting of someone outside it. An administrator acting keeps the say
 * they have over every resource.
 */
export function bookingPartyOf(acting: BookingParty, organiser: (BookingParty & { name: string }) | null): BookingParty {
  if (!organiser) return acting;
  return { role: canManageResources(acting) ? acting.role : organiser.role, departmentId: organiser.departmentId, organiser: organiser.name };
}

/** The meeting a booking is part of, as the viewer stands to it (lib/calendar/policy.ts). */
export interface BookingEntry {
  visibility: EntryVisibility;
  relation: EntryRelation;
}

/**
 * The booker, admins and, for a meeting's booking, the meeting's editors (its organiser and those
 * the organiser lets edit their calendar) change or cancel it; everyone else only sees it.
 */
export function canChangeBooking(viewer: Pick<Viewer, "id" | "role">, booking: { bookedById: string }, entry: BookingEntry | null = null): boolean {
  if (booking.bookedById === viewer.id || canManageResources(viewer)) return true;
  return entry !== null && canEditEntry(entry.visibility, entry.relation);
}
