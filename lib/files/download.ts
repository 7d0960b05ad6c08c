import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { loadVisibleAttachment } from "./access";
import { contentDisposition, servedContentType, servingHeaders } from "./serving";
import type { FileStorage } from "./storage";

/**
 * The answer to a download of an attachment (or its thumbnail), after Baton's own authorization
 * as for the item: the bytes with safe headers from the disk, or a redirect to a short-lived
 * signed URL that makes the bucket answer with the same content type and disposition.
 */
export async function downloadAttachment(db: Db, storage: FileStorage, viewer: Viewer, id: string, part: "file" | "thumbnail"): Promise<Response> {
  const row = await loadVisibleAttachment(db, viewer, id);
  const key = part === "file" ? row.storageKey : row.thumbnailKey;
  if (!key) return Response.json({ error: "not_found", message: "files.errors.notFound" }, { status: 404 });
  const file =
    part === "file"
      ? { fileName: row.fileName, contentType: row.contentType }
      : { fileName: `${row.fileName.replace(/\.[^.]*$/, "")}-thumbnail.webp`, contentType: "image/webp" };

  const signed = await storage.signedUrl(key, {
    contentType: servedContentType(file.contentType),
    contentDisposition: contentDisposition(file.fileName, file.contentType),
  });
  if (signed) {
    return new Response(null, {
      status: 302,
      headers: { location: signed, "cache-control": "private, no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" },
    });
  }
  const bytes = await storage.read(key);
  if (!bytes) return Response.json({ error: "not_found", message: "files.errors.notFound" }, { status: 404 });
  return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: servingHeaders({ ...file, size: bytes.byteLength }) });
}
