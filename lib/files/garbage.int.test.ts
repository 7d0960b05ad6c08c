import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/attachments/route";
import { attachmentGarbage, attachments, caseActivity, taskActivity, tasks } from "@/db/schema";
import { env } from "@/lib/config/env";
import { createTask } from "@/lib/tasks/commands";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient } from "@/lib/testing/factories";
import { perform } from "@/lib/testing/perform";
import { makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";
import { removeAttachmentAction } from "./actions";
import { collectAttachmentGarbage, queueUploadKeys } from "./garbage";
import { diskStorage, newStorageKey, setFileStorage, type FileStorage } from "./storage";

const origin = new URL(env().APP_URL).origin;
let dir = "";
let disk: FileStorage;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "baton-garbage-"));
  disk = diskStorage(dir);
  setFileStorage(disk);
});
afterAll(async () => {
  setFileStorage(undefined);
  await rm(dir, { recursive: true, force: true });
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function post(item: "task" | "case", id: string, name: string, body: Uint8Array = PDF): Promise<string> {
  const answer = await upload(
    new Request(`${origin}/api/attachments?${new URLSearchParams({ item, id, name })}`, {
      method: "POST",
      headers: { origin, "content-type": "application/octet-stream" },
      body: body as BodyInit,
      duplex: "half",
    } as RequestInit),
  );
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { id: string }).id;
}

async function stored(): Promise<string[]> {
  const found: string[] = [];
  for (const sub of ["files", "thumbs"]) found.push(...(await readdir(path.join(dir, sub)).catch(() => [])).map((f) => `${sub}/${f}`));
  return found;
}

async function scene() {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const task = await perform(db, org.lead.viewer, createTask, { ...TASK_INPUT, title: "Przegląd zmywarki", assigneeId: org.tech.id });
  return { db, org, task };
}

describe("attachments in the history, and their bytes collected", () => {
  it("a file added to and removed from a task or a case is an entry of its history, by whom and with its name", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    const id = await post("task", task.id, "protokół.pdf");
    expect(await removeAttachmentAction({ id })).toMatchObject({ ok: true });
    const entries = await db
      .select({ actorId: taskActivity.actorId, field: taskActivity.field, oldValue: taskActivity.oldValue, newValue: taskActivity.newValue })
      .from(taskActivity)
      .where(and(eq(taskActivity.taskId, task.id), eq(taskActivity.kind, "attachment")))
      .orderBy(asc(taskActivity.id));
    expect(entries).toEqual([
      { actorId: org.tech.id, field: "added", oldValue: null, newValue: "protokół.pdf" },
      { actorId: org.tech.id, field: "removed", oldValue: "protokół.pdf", newValue: null },
    ]);

    const client = await makeClient(db);
    const serviceCase = await makeCase(db, { ownerId: org.tech.id, clientId: client.id });
    await post("case", serviceCase.id, "oferta.pdf");
    const caseEntries = await db
      .select({ field: caseActivity.field, newValue: caseActivity.newValue })
      .from(caseActivity)
      .where(and(eq(caseActivity.caseId, serviceCase.id), eq(caseActivity.kind, "attachment")));
    expect(caseEntries).toEqual([{ field: "added", newValue: "oferta.pdf" }]);
  });

  it("a recorded upload leaves nothing queued; a removed file's bytes go at once and nothing stays queued", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    const id = await post("task", task.id, "a.pdf");
    const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
    expect(await stored()).toContain(row!.storageKey);
    expect(await db.select().from(attachmentGarbage).where(eq(attachmentGarbage.storageKey, row!.storageKey))).toEqual([]);
    await removeAttachmentAction({ id });
    expect(await stored()).not.toContain(row!.storageKey);
    expect(await db.select().from(attachmentGarbage).where(eq(attachmentGarbage.storageKey, row!.storageKey))).toEqual([]);
  });

  it("bytes of rows deleted by a cascade are queued by the database and removed by the collector", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    const ids = [await post("task", task.id, "a.pdf"), await post("task", task.id, "b.pdf")];
    const keys = (await db.select({ key: attachments.storageKey }).from(attachments).where(inArray(attachments.id, ids))).map((r) => r.key);
    await db.delete(tasks).where(eq(tasks.id, task.id));
    expect((await db.select().from(attachmentGarbage).where(inArray(attachmentGarbage.storageKey, keys))).length).toBe(2);
    expect(await stored()).toEqual(expect.arrayContaining(keys));
    await collectAttachmentGarbage(db, disk, { only: keys });
    expect(await stored()).not.toEqual(expect.arrayContaining([keys[0]]));
    expect(await stored()).not.toEqual(expect.arrayContaining([keys[1]]));
    expect(await db.select().from(attachmentGarbage).where(inArray(attachmentGarbage.storageKey, keys))).toEqual([]);
  });

  it("an upload that never recorded its row is collected only after the grace hour; a failed removal is tried again later", async () => {
    const db = await testDb();
    const key = newStorageKey("files");
    await queueUploadKeys(db, [key]);
    await disk.put(key, PDF, "application/pdf");
    // Within the hour the upload may still be under way: nothing is removed.
    await collectAttachmentGarbage(db, disk, { at: new Date(Date.now() + 30 * 60_000), limit: 10_000 });
    expect(await stored()).toContain(key);
    await collectAttachmentGarbage(db, disk, { at: new Date(Date.now() + 2 * 3600_000), limit: 10_000 });
    expect(await stored()).not.toContain(key);
    expect(await db.select().from(attachmentGarbage).where(eq(attachmentGarbage.storageKey, key))).toEqual([]);

    const failing: FileStorage = {
      ...disk,
      remove: () => Promise.reject(Object.assign(new Error("s3://secret-bucket/key?X-Amz-Signature=abc"), { name: "AccessDenied" })),
    };
    const stuck = newStorageKey("files");
    await queueUploadKeys(db, [stuck]);
    expect(await collectAttachmentGarbage(db, failing, { only: [stuck] })).toEqual({ removed: 0, failed: 1 });
    const [row] = await db.select().from(attachmentGarbage).where(eq(attachmentGarbage.storageKey, stuck));
    // Kept with its error's name only (never a message that could carry a URL), and not due again at once.
    expect(row).toMatchObject({ attempts: 1, lastError: "AccessDenied" });
    await collectAttachmentGarbage(db, failing, { at: new Date(Date.now() + 60_000), limit: 10_000 });
    expect((await db.select().from(attachmentGarbage).where(eq(attachmentGarbage.storageKey, stuck)))[0]).toMatchObject({ attempts: 1 });
    expect(await collectAttachmentGarbage(db, disk, { only: [stuck] })).toEqual({ removed: 1, failed: 0 });
  });
});
