import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import type { Viewer } from "@/lib/auth/viewer";

/** For pages: the signed-in user, or a redirect to the login page that comes back here. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await currentUser();
  if (viewer) return viewer;
  const path = (await headers()).get("x-baton-path") ?? "/tasks";
  redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
}

/** For admin pages: non-admins get the 403 page, not a hint of what is there. */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (viewer.role !== "admin") forbidden();
  return viewer;
}
