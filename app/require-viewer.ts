import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { currentUser, viewerAwaitingPasswordChange } from "@/lib/auth/current-user";
import { PASSWORD_CHANGE_PATH } from "@/lib/auth/password-change-gate";
import type { Viewer } from "@/lib/auth/viewer";

/** For pages: the signed-in user, or a redirect to the login page that comes back here. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await currentUser();
  if (viewer) return viewer;
  // proxy.ts sends such a person there first; this holds should a page be reached another way.
  if (await viewerAwaitingPasswordChange()) redirect(PASSWORD_CHANGE_PATH);
  const path = (await headers()).get("x-baton-path") ?? "/tasks";
  redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
}

/** For admin pages: non-admins get the 403 page, not a hint of what is there. */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (viewer.role !== "admin") forbidden();
  return viewer;
}
