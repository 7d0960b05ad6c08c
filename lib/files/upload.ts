import { Invalid } from "@/lib/action/errors";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { runUnit } from "@/lib/effects/unit";
import { assertMayAttach, type AttachmentRow } from "./access";
import { recordAttachment } from "./commands";
import { collectAttachmentGarbage, queueUploadKeys } from "./garbage";
import { MAX_ATTACHMENT_BYTES } from "./limits";
import type { AttachTarget } from "./schema";
import { sniffContentType } from "./sniff";
import { newStorageKey, type FileStorage } from "./storage";
import { imageFacts } from "./thumbnails";

/** The body is larger than the limit: refused (413) without reading the rest. */
export class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than ${limit} bytes`);
    this.name = "TooLarge";
  }
}

/** Refuses at once a declared length over the limit (before any byte of the body is read). */
export function assertDeclaredLength(contentLength: string | null, limit = MAX_ATTACHMENT_BYTES): void {
  if (contentLength === null) return;
  const declared = Number(contentLength);
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge(limit);
}

/**
 * Reads a request body, counting as it comes: as soon as it grows past `limit` the stream is
 * cancelled and TooLarge thrown, so a lying or missing Content-Length never makes Baton hold
 * more than the limit. Returns the bytes read (the limit at most).
 */
export async function readBodyWithin(body: ReadableStream<Uint8Array> | null, limit = MAX_ATTACHMENT_BYTES): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export interface UploadRequest {
  target: AttachTarget;
  fileName: string;
  contentLength: string | null;
  body: ReadableStream<Uint8Array> | null;
}

/**
 * The whole upload: the viewer's right to attach and the declared length are checked before the
 * body is read; then the body is read within the limit, its type found from its bytes, an image's
 * thumbnail made, both put in the store, and the row written in one unit (authorized again).
 * If the row is refused, the stored bytes are removed again.
 */
export async function uploadAttachment(db: Db, storage: FileStorage, viewer: Viewer, request: UploadRequest): Promise<AttachmentRow> {
  assertDeclaredLength(request.contentLength);
  await assertMayAttach(db, viewer, request.target);
  const bytes = await readBodyWithin(request.body);
  if (bytes.byteLength === 0) throw new Invalid("files.errors.empty");
  const { contentType, allowed } = await sniffContentType(bytes, request.fileName);
  const image = allowed.image ? await imageFacts(bytes) : null;

  const storageKey = newStorageKey("files");
  const thumbnailKey = image ? newStorageKey("thumbs") : null;
  const keys = [storageKey, ...(thumbnailKey ? [thumbnailKey] : [])];
  // Queued before a byte is written: bytes whose row is never recorded are collected, whatever stops the upload.
  await queueUploadKeys(db, keys);
  try {
    await storage.put(storageKey, bytes, contentType);
    if (image && thumbnailKey) await storage.put(thumbnailKey, image.thumbnail, "image/webp");
    return await runUnit(db, viewer, (work) =>
      recordAttachment(work, {
        target: request.target,
        fileName: request.fileName,
        contentType,
        size: bytes.byteLength,
        storageKey,
        width: image?.width ?? null,
        height: image?.height ?? null,
        thumbnailKey,
      }),
    );
  } catch (error) {
    await collectAttachmentGarbage(db, storage, { only: keys }).catch(() => undefined);
    throw error;
  }
}
