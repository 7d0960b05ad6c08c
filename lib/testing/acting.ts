import type { Viewer } from "@/lib/auth/viewer";

let acting: Viewer | null = null;

/** Makes server actions in integration tests run as this user (null: signed out). */
export function actAs(viewer: Viewer | null): void {
  acting = viewer;
}

export function actingViewer(): Viewer | null {
  return acting;
}

/** Events the app sent to "Inngest" during this test file (see integration-setup.ts). */
export function recordedEvents(): { id?: string; name: string; data: Record<string, unknown> }[] {
  return (
    (globalThis as { __batonEventRecorder?: { events: { id?: string; name: string; data: Record<string, unknown> }[] } }).__batonEventRecorder?.events ?? []
  );
}
