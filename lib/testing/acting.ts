import type { Viewer } from "@/lib/auth/viewer";
import type { Effect } from "@/lib/effects";

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

/** Every list of effects handed to the dispatcher during this test file, in order. */
export function dispatchedEffects(): Effect[][] {
  return (globalThis as { __batonDispatched?: Effect[][] }).__batonDispatched ?? [];
}
