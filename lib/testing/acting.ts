import type { Viewer } from "@/lib/auth/viewer";

let acting: Viewer | null = null;

/** Makes server actions in integration tests run as this user (null: signed out). */
export function actAs(viewer: Viewer | null): void {
  acting = viewer;
}

export function actingViewer(): Viewer | null {
  return acting;
}
