import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/attachments/[id]/route";
import { POST as upload } from "@/app/api/attachments/route";
import { env } from "@/lib/config/env";
import { createTask } from "@/lib/tasks/commands";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { startFakeS3 } from "@/lib/testing/fake-s3";
import { perform } from "@/lib/testing/perform";
import { makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";
import { removeAttachmentAction } from "./actions";
import { s3Storage, setFileStorage } from "./storage";

const origin = new URL(env().APP_URL).origin;
const credentials = { bucket: "baton-files", region: "eu-central-1", accessKeyId: "BATONTESTKEY", secretAccessKey: "baton-test-secret" };
let clockShift = 0;
let s3: Awaited<ReturnType<typeof startFakeS3>>;

beforeAll(async () => {
  s3 = await startFakeS3({ ...credentials, now: () => new Date(Date.now() + clockShift) });
  setFileStorage(s3Storage({ ...credentials, endpoint: s3.endpoint, urlTtlSeconds: 60 }));
});
afterAll(async () => {
  setFileStorage(undefined);
  await s3.close();
});

const get = (id: string) => download(new Request(`${origin}/api/attachments/${id}`), { params: Promise.resolve({ id }) });

describe("attachments in S3-compatible object storage", () => {
  it("puts the file and its thumbnail in the bucket, answers a signed URL that expires, and refuses a stranger before signing", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const task = await perform(db, org.lead.viewer, createTask, { ...TASK_INPUT, assigneeId: org.tech.id });
    const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#aa3322" } })
      .png()
      .toBuffer();

    actAs(org.tech.viewer);
    const answer = await upload(
      new Request(`${origin}/api/attachments?item=task&id=${task.id}&name=tabliczka.png`, {
        method: "POST",
        headers: { origin, "content-type": "application/octet-stream" },
        body: bytes,
      }),
    );
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    const keys = [...s3.objects.keys()];
    expect(keys.filter((k) => k.startsWith("files/"))).toHaveLength(1);
    expect(keys.filter((k) => k.startsWith("thumbs/"))).toHaveLength(1);

    // The delegator gets a redirect to a signed URL, which the bucket answers with the safe headers.
    actAs(org.lead.viewer);
    const redirect = await get(id);
    expect(redirect.status).toBe(302);
    const signed = new URL(redirect.headers.get("location")!);
    expect(signed.origin).toBe(s3.endpoint);
    expect(signed.searchParams.get("X-Amz-Expires")).toBe("60");
    const object = await fetch(signed);
    expect(object.status).toBe(200);
    expect(Buffer.from(await object.arrayBuffer()).equals(bytes)).toBe(true);
    expect(object.headers.get("content-type")).toBe("image/png");
    expect(object.headers.get("content-disposition")).toMatch(/^inline; filename="tabliczka.png"/);

    // The object key alone, or a signed URL moved to another key, opens nothing.
    const key = signed.pathname;
    expect((await fetch(`${s3.endpoint}${key}`)).status).toBe(403);
    const otherKey = keys.find((k) => k.startsWith("thumbs/"))!;
    const moved = new URL(signed);
    moved.pathname = `/${credentials.bucket}/${otherKey}`;
    expect((await fetch(moved)).status).toBe(403);

    // Past its lifetime the same URL is refused by the bucket.
    clockShift = 61_000;
    const expired = await fetch(signed);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Request has expired");
    clockShift = 0;

    // A stranger is refused by Baton; no URL is signed for them.
    actAs(org.stranger.viewer);
    const refused = await get(id);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("location")).toBeNull();

    // Removal deletes both objects.
    actAs(org.tech.viewer);
    expect(await removeAttachmentAction({ id })).toMatchObject({ ok: true });
    expect([...s3.objects.keys()]).toEqual([]);
  });
});
