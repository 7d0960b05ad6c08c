import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/attachments/[id]/route";
import { GET as thumbnail } from "@/app/api/attachments/[id]/thumbnail/route";
import { POST as upload } from "@/app/api/attachments/route";
import { attachments } from "@/db/schema";
import { Forbidden } from "@/lib/action/errors";
import { env } from "@/lib/config/env";
import { commentOnTask } from "@/lib/tasks/comments";
import { createTask } from "@/lib/tasks/commands";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient } from "@/lib/testing/factories";
import { perform } from "@/lib/testing/perform";
import { makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";
import { removeAttachmentAction } from "./actions";
import { MAX_ATTACHMENT_BYTES } from "./limits";
import { attachmentsOfTask } from "./queries";
import { ATTACHMENT_CSP } from "./serving";
import { diskStorage, setFileStorage } from "./storage";

const origin = new URL(env().APP_URL).origin;
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "baton-attachments-"));
  setFileStorage(diskStorage(dir));
});
afterAll(async () => {
  setFileStorage(undefined);
  await rm(dir, { recursive: true, force: true });
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const photo = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: "#3366aa" } })
    .jpeg()
    .toBuffer();

async function scene() {
  const db = await testDb();
  const org = await makeTaskOrg(db);
  const task = await perform(db, org.lead.viewer, createTask, { ...TASK_INPUT, title: "Przegląd kotła", assigneeId: org.tech.id });
  return { db, org, task };
}

function post(query: Record<string, string>, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return upload(
    new Request(`${origin}/api/attachments?${new URLSearchParams(query)}`, {
      method: "POST",
      headers: { origin, "content-type": "application/octet-stream", ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
}

const get = (id: string) => download(new Request(`${origin}/api/attachments/${id}`), { params: Promise.resolve({ id }) });
const getThumb = (id: string) => thumbnail(new Request(`${origin}/api/attachments/${id}/thumbnail`), { params: Promise.resolve({ id }) });

async function storedFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const sub of ["files", "thumbs"]) found.push(...(await readdir(path.join(dir, sub)).catch(() => [])).map((f) => `${sub}/${f}`));
  return found;
}

/** A body that yields 1 MB chunks for ever, counting how many were pulled. */
function endlessBody() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled++;
      controller.enqueue(new Uint8Array(1024 * 1024).fill(0x41));
    },
  });
  return { stream, counter };
}

describe("attachments on disk", () => {
  it("stores a photo with its sniffed type, size and thumbnail; those who see the task read it with safe headers", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    const bytes = await photo();
    const answer = await post({ item: "task", id: task.id, name: "zdjęcie kotła.jpg" }, bytes);
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
    expect(row).toMatchObject({
      item: "task",
      taskId: task.id,
      uploaderId: org.tech.id,
      contentType: "image/jpeg",
      size: bytes.length,
      width: 800,
      height: 600,
    });
    expect(row!.thumbnailKey).toMatch(/^thumbs\//);

    actAs(org.lead.viewer);
    const file = await get(id);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect(file.headers.get("content-disposition")).toMatch(/^inline; filename="zdj_cie kot_a.jpg"; filename\*=UTF-8''zdj%C4%99cie%20kot%C5%82a.jpg$/);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-security-policy")).toBe(ATTACHMENT_CSP);
    const thumb = await getThumb(id);
    expect(thumb.status).toBe(200);
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width!, meta.height!)).toBe(320);
  });

  it("serves a PDF and a text file as downloads, never inline", async () => {
    const { org, task } = await scene();
    actAs(org.tech.viewer);
    const pdf = (await (await post({ item: "task", id: task.id, name: "protokół.pdf" }, PDF)).json()) as { id: string };
    const text = (await (await post({ item: "task", id: task.id, name: "notatki.txt" }, Buffer.from("<html><script>alert(1)</script></html>"))).json()) as {
      id: string;
    };
    const pdfAnswer = await get(pdf.id);
    expect(pdfAnswer.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(pdfAnswer.headers.get("content-type")).toBe("application/pdf");
    const textAnswer = await get(text.id);
    expect(textAnswer.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(textAnswer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect((await getThumb(pdf.id)).status).toBe(404);
    // A name is never a path: its slashes are kept as underscores.
    const pathy = (await (await post({ item: "task", id: task.id, name: "../../etc/passwd.txt" }, Buffer.from("x"))).json()) as { id: string };
    expect((await get(pathy.id)).headers.get("content-disposition")).toContain("passwd.txt");
    expect((await get(pathy.id)).headers.get("content-disposition")).not.toContain("/");
  });

  it("refuses a file whose content does not match its name, HTML and SVG, and stores nothing", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    const before = await storedFiles();
    const cases: [string, Buffer, string][] = [
      ["faktura.jpg", PDF, "files.errors.typeMismatch"],
      ["zdjęcie.png", await photo(), "files.errors.typeMismatch"],
      ["strona.html", Buffer.from("<!doctype html><html><body>hi</body></html>"), "files.errors.typeNotAllowed"],
      ["logo.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "files.errors.typeNotAllowed"],
      ["program.txt", Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), "files.errors.typeNotAllowed"],
      ["pusty.pdf", Buffer.alloc(0), "files.errors.empty"],
      ["protok\u0007ół.pdf", PDF, "files.errors.nameControl"],
      ["   ", PDF, "files.errors.nameMissing"],
    ];
    for (const [name, bytes, message] of cases) {
      const answer = await post({ item: "task", id: task.id, name }, new Uint8Array(bytes));
      expect(answer.status, name).toBe(400);
      expect(((await answer.json()) as { message: string }).message, name).toBe(message);
    }
    expect(await db.select().from(attachments).where(eq(attachments.taskId, task.id))).toEqual([]);
    expect(await storedFiles()).toEqual(before);
  });

  it("refuses a declared length over the limit before reading the body, and a body that grows past it while counted", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    const declared = endlessBody();
    const huge = await post({ item: "task", id: task.id, name: "film.jpg" }, declared.stream, { "content-length": String(2 * 1024 ** 3) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { message: string }).message).toBe("files.errors.tooLarge");
    // The stream's first pull happens when it is made; nothing past that was asked for.
    expect(declared.counter.pulled).toBeLessThanOrEqual(1);

    const growing = endlessBody();
    const lying = await post({ item: "task", id: task.id, name: "film.jpg" }, growing.stream);
    expect(lying.status).toBe(413);
    // Cancelled at the limit: about 25 chunks of 1 MB, a couple more in flight at most, never the whole "2 GB".
    expect(growing.counter.pulled).toBeLessThanOrEqual(MAX_ATTACHMENT_BYTES / (1024 * 1024) + 3);
    expect(await db.select().from(attachments).where(eq(attachments.taskId, task.id))).toEqual([]);
  });

  it("refuses a stranger's upload, download, thumbnail and removal; a signed-out visitor and a cross-site post too", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    const { id } = (await (await post({ item: "task", id: task.id, name: "kocioł.jpg" }, await photo())).json()) as { id: string };
    const [row] = await db.select().from(attachments).where(eq(attachments.id, id));

    actAs(org.stranger.viewer);
    expect((await post({ item: "task", id: task.id, name: "obce.pdf" }, PDF)).status).toBe(403);
    expect((await get(id)).status).toBe(403);
    expect((await getThumb(id)).status).toBe(403);
    // The storage key is not an id: it opens nothing.
    expect((await get(row!.storageKey)).status).toBe(404);
    expect(await removeAttachmentAction({ id })).toMatchObject({ ok: false });

    actAs(null);
    expect((await get(id)).status).toBe(401);
    expect((await post({ item: "task", id: task.id, name: "a.pdf" }, PDF)).status).toBe(401);

    actAs(org.tech.viewer);
    const crossSite = await upload(
      new Request(`${origin}/api/attachments?item=task&id=${task.id}&name=a.pdf`, {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/octet-stream" },
        body: PDF,
      }),
    );
    expect(crossSite.status).toBe(403);
    const formPost = await upload(
      new Request(`${origin}/api/attachments?item=task&id=${task.id}&name=a.pdf`, {
        method: "POST",
        headers: { origin, "content-type": "text/plain" },
        body: PDF,
      }),
    );
    expect(formPost.status).toBe(415);
    expect(await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.taskId, task.id))).toEqual([{ id }]);
  });

  it("lets the uploader and an admin remove a file, not another person who sees the task; the bytes go too", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    const first = (await (await post({ item: "task", id: task.id, name: "a.jpg" }, await photo())).json()) as { id: string };
    const second = (await (await post({ item: "task", id: task.id, name: "b.pdf" }, PDF)).json()) as { id: string };
    const [firstRow] = await db.select().from(attachments).where(eq(attachments.id, first.id));

    actAs(org.lead.viewer);
    expect(await removeAttachmentAction({ id: first.id })).toMatchObject({ ok: false });
    expect((await get(first.id)).status).toBe(200);

    actAs(org.tech.viewer);
    expect(await removeAttachmentAction({ id: first.id })).toMatchObject({ ok: true });
    expect(await storedFiles()).not.toContain(firstRow!.storageKey);
    expect(await storedFiles()).not.toContain(firstRow!.thumbnailKey);
    expect((await get(first.id)).status).toBe(404);

    actAs(org.admin.viewer);
    expect(await removeAttachmentAction({ id: second.id })).toMatchObject({ ok: true });
    expect(await db.select().from(attachments).where(eq(attachments.taskId, task.id))).toEqual([]);
  });

  it("attaches to a comment by its author only, and to a case by whoever may edit it", async () => {
    const { db, org, task } = await scene();
    const { commentId } = await perform(db, org.tech.viewer, commentOnTask, { taskId: task.id, comment: "Zdjęcie tabliczki" });
    actAs(org.lead.viewer);
    expect((await post({ item: "comment", id: String(commentId), name: "a.pdf" }, PDF)).status).toBe(403);
    actAs(org.stranger.viewer);
    expect((await post({ item: "comment", id: String(commentId), name: "a.pdf" }, PDF)).status).toBe(403);
    actAs(org.tech.viewer);
    const onComment = await post({ item: "comment", id: String(commentId), name: "tabliczka.jpg" }, await photo());
    expect(onComment.status).toBe(201);
    const { id } = (await onComment.json()) as { id: string };
    expect((await db.select().from(attachments).where(eq(attachments.id, id)))[0]).toMatchObject({ item: "comment", taskId: task.id, commentId });
    actAs(org.stranger.viewer);
    expect((await get(id)).status).toBe(403);

    const client = await makeClient(db);
    const serviceCase = await makeCase(db, { ownerId: org.tech.id, clientId: client.id, createdById: org.lead.id });
    actAs(org.tech2.viewer);
    expect((await post({ item: "case", id: serviceCase.id, name: "oferta.pdf" }, PDF)).status).toBe(403);
    actAs(org.tech.viewer);
    const onCase = (await (await post({ item: "case", id: serviceCase.id, name: "oferta.pdf" }, PDF)).json()) as { id: string };
    // Every colleague reads cases, and so their files.
    actAs(org.tech2.viewer);
    expect((await get(onCase.id)).status).toBe(200);
    expect((await post({ item: "case", id: "not-a-uuid", name: "a.pdf" }, PDF)).status).toBe(400);
    expect((await post({ item: "case", id: crypto.randomUUID(), name: "a.pdf" }, PDF)).status).toBe(404);
  });

  it("lists a task's files for those who see it, with who may remove each, and refuses a stranger the list", async () => {
    const { db, org, task } = await scene();
    actAs(org.tech.viewer);
    await post({ item: "task", id: task.id, name: "a.pdf" }, PDF);
    const forLead = await attachmentsOfTask(db, org.lead.viewer, task.id);
    expect(forLead).toMatchObject([
      { fileName: "a.pdf", contentType: "application/pdf", size: PDF.length, uploaderName: "Serwisant", canRemove: false, hasThumbnail: false },
    ]);
    expect((await attachmentsOfTask(db, org.tech.viewer, task.id))[0]!.canRemove).toBe(true);
    expect((await attachmentsOfTask(db, org.admin.viewer, task.id))[0]!.canRemove).toBe(true);
    await expect(attachmentsOfTask(db, org.stranger.viewer, task.id)).rejects.toThrow(Forbidden);
  });
});
