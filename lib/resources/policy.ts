import type { Viewer } from "@/lib/auth/viewer";

/** Resources are the administrators' to create, edit and retire. */
export function canManageResources(viewer: Pick<Viewer, "role">): boolean {
  return viewer.role === "admin";
}

/** Everyone may book a resource unless only chosen departments may; admins always may. */
export function mayBook(
  viewer: Pick<Viewer, "role" | "departmentId">,
  resource: { departmentsOnly: boolean },
  allowedDepartmentIds: readonly string[],
): boolean {
  if (!resource.departmentsOnly || canManageResources(viewer)) return true;
  return viewer.departmentId !== null && allowedDepartmentIds.includes(viewer.departmentId);
}

/** The booker and admins change or cancel a booking; everyone else only sees it. */
export function canChangeBooking(viewer: Pick<Viewer, "id" | "role">, booking: { bookedById: string }): boolean {
  return booking.bookedById === viewer.id || canManageResources(viewer);
}
