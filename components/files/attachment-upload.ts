import { ALLOWED_EXTENSIONS_LABEL, MAX_ATTACHMENT_BYTES, megabytes } from "@/lib/files/limits";

export type UploadTarget = { item: "task" | "case"; id: string } | { item: "comment"; id: number };

export interface UploadRefusal {
  /** A files.* message key (without the namespace) and its values. */
  key: string;
  params: Record<string, string | number>;
}

export const LIMITS = { max: megabytes(MAX_ATTACHMENT_BYTES), types: ALLOWED_EXTENSIONS_LABEL };

/**
 * Sends one file to POST /api/attachments as its raw bytes. Null when it was attached, else the
 * reason to show. A file over the limit is refused here at once; the server refuses it too.
 */
export async function sendAttachment(target: UploadTarget, file: File): Promise<UploadRefusal | null> {
  if (file.size > MAX_ATTACHMENT_BYTES) return { key: "errors.tooLarge", params: { max: LIMITS.max } };
  const query = new URLSearchParams({ item: target.item, id: String(target.id), name: file.name });
  let answer: Response;
  try {
    answer = await fetch(`/api/attachments?${query}`, { method: "POST", headers: { "content-type": "application/octet-stream" }, body: file });
  } catch {
    return { key: "errors.failed", params: {} };
  }
  if (answer.ok) return null;
  const body = (await answer.json().catch(() => ({}))) as { message?: string; params?: Record<string, string | number> };
  if (body.message?.startsWith("files.errors.")) return { key: body.message.slice("files.".length), params: body.params ?? {} };
  if (answer.status === 403) return { key: "errors.forbidden", params: {} };
  if (answer.status === 404) return { key: "errors.itemUnknown", params: {} };
  return { key: "errors.failed", params: {} };
}
