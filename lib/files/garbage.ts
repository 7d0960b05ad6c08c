import { asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { attachmentGarbage } from "@/db/schema";
import type { FileStorage } from "./storage";

/** How long an upload's bytes may sit in the store before its row is written; after that they are an orphan. */
export const UPLOAD_GRACE = "1 hour";

/** How many keys one collection removes at most (the next run takes the rest). */
export const GARBAGE_BATCH = 200;

/** The longest wait before a key whose removal failed is tried again. */
const MAX_RETRY_MINUTES = 24 * 60;

/**
 * Queues an upload's keys before its bytes are written: if the upload never records its row (a crash, a refusal, a
 * lost connection), the collector removes the bytes after UPLOAD_GRACE. Recording the row dequeues them.
 * Times here are the database's: collecting bytes is housekeeping, not a moment anybody sees.
 */
export async function queueUploadKeys(db: DbOrTx, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await db
    .insert(attachmentGarbage)
    .values(keys.map((storageKey) => ({ storageKey, collectAfter: sql`now() + ${UPLOAD_GRACE}::interval` })))
    .onConflictDoNothing();
}

/** Dequeues the keys of an attachment whose row is being recorded (in the same transaction as the row). */
export async function keepKeys(tx: DbOrTx, keys: readonly string[]): Promise<void> {
  if (keys.length) await tx.delete(attachmentGarbage).where(inArray(attachmentGarbage.storageKey, [...keys]));
}

/**
 * Removes from the store the bytes of queued keys that are due (or exactly `only`, at once: a removal that has just
 * committed), and dequeues each removed key. A key whose removal fails stays queued and is tried again later, each
 * time after twice as long (up to a day); its error's name is kept for an administrator, never a message that could
 * carry a URL or credentials. Returns how many keys were removed and how many failed.
 */
export async function collectAttachmentGarbage(
  db: DbOrTx,
  storage: FileStorage,
  options: { only?: readonly string[]; at?: Date; limit?: number } = {},
): Promise<{ removed: number; failed: number }> {
  const due = options.at ? sql`${options.at.toISOString()}::timestamptz` : sql`now()`;
  const rows = await db
    .select({ key: attachmentGarbage.storageKey, attempts: attachmentGarbage.attempts })
    .from(attachmentGarbage)
    .where(options.only ? inArray(attachmentGarbage.storageKey, [...options.only]) : lte(attachmentGarbage.collectAfter, due))
    .orderBy(asc(attachmentGarbage.collectAfter))
    .limit(options.limit ?? GARBAGE_BATCH);
  if (!rows.length) return { removed: 0, failed: 0 };
  const results = await Promise.allSettled(rows.map((r) => storage.remove(r.key)));
  const removed = rows.filter((_, i) => results[i]!.status === "fulfilled").map((r) => r.key);
  if (removed.length) await db.delete(attachmentGarbage).where(inArray(attachmentGarbage.storageKey, removed));
  const failed = rows.flatMap((r, i) => {
    const result = results[i]!;
    return result.status === "rejected" ? [{ ...r, error: result.reason instanceof Error ? result.reason.name : "Error" }] : [];
  });
  for (const f of failed) {
    const minutes = Math.min(2 ** (f.attempts + 1), MAX_RETRY_MINUTES);
    await db
      .update(attachmentGarbage)
      .set({ attempts: f.attempts + 1, lastError: f.error, collectAfter: sql`now() + ${`${minutes} minutes`}::interval` })
      .where(eq(attachmentGarbage.storageKey, f.key));
  }
  return { removed: removed.length, failed: failed.length };
}
