import { afterAll, beforeAll, inject, vi } from "vitest";
import { createTranslator } from "next-intl";
import { openDb, setDbHandle, type DbHandle } from "@/db";
import { setDispatcher } from "@/lib/effects";
import { messages } from "@/lib/i18n/messages";
import { actingViewer } from "./acting";
import { startEventRecorder } from "./event-recorder";
import { workerDatabaseUrl } from "./workers";
import { recordingDispatcher } from "./recording-dispatcher";

// The app's event sends go to a local recorder standing in for Inngest (set before any test file
// imports the Inngest client).
const recorder = await startEventRecorder();
process.env.INNGEST_DEV = recorder.url;
process.env.NOTIFY_DISPATCH = "inngest";
(globalThis as { __batonEventRecorder?: typeof recorder }).__batonEventRecorder = recorder;
// Effects go through the production engine (to the recorder above), and are kept as dispatched.
const dispatcher = recordingDispatcher((await import("@/inngest/dispatcher")).inngestDispatcher);
setDispatcher(dispatcher);
(globalThis as { __batonDispatched?: typeof dispatcher.dispatched }).__batonDispatched = dispatcher.dispatched;

// Server actions run here without a Next.js server: the session comes from actAs(), the cache
// is a no-op, and messages are English. Everything below the wrapper is the real code.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => actingViewer(),
  signedInAccount: async () => {
    const viewer = actingViewer();
    return viewer ? { viewer, mustChangePassword: false } : null;
  },
  viewerAwaitingPasswordChange: async () => null,
}));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "en",
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: messages.en, namespace: namespace as never }),
}));

let handle: DbHandle | undefined;

beforeAll(async () => {
  const url = inject("testDatabaseUrl");
  handle = url ? await openDb({ url: workerDatabaseUrl(url), max: 4 }) : await openDb({ dataDir: "memory://", migrate: true });
  setDbHandle(handle);
});

afterAll(async () => {
  await recorder.close();
  setDbHandle(undefined);
  await handle?.close();
});
