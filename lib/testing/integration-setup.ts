import { afterAll, beforeAll, inject, vi } from "vitest";
import { createTranslator } from "next-intl";
import { openDb, setDbHandle, type DbHandle } from "@/db";
import { messages } from "@/lib/i18n/messages";
import { actingViewer } from "./acting";
import { startEventRecorder } from "./event-recorder";

// The app's event sends go to a local recorder standing in for Inngest (set before any test file
// imports the Inngest client).
const recorder = await startEventRecorder();
process.env.INNGEST_DEV = recorder.url;
process.env.NOTIFY_DISPATCH = "inngest";
(globalThis as { __batonEventRecorder?: typeof recorder }).__batonEventRecorder = recorder;

// Server actions run here without a Next.js server: the session comes from actAs(), the cache
// is a no-op, and messages are English. Everything below the wrapper is the real code.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => actingViewer() }));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "en",
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: messages.en, namespace: namespace as never }),
}));

let handle: DbHandle | undefined;

beforeAll(async () => {
  const url = inject("testDatabaseUrl");
  handle = url ? await openDb({ url, max: 4 }) : await openDb({ dataDir: "memory://", migrate: true });
  setDbHandle(handle);
});

afterAll(async () => {
  await recorder.close();
  setDbHandle(undefined);
  await handle?.close();
});
