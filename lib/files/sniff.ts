import { fileTypeFromBuffer } from "file-type";
import { Invalid } from "@/lib/action/errors";
import { ALLOWED_TYPES, allowedType, extensionOf, type AllowedType } from "./limits";

const ALLOWED_EXTENSIONS = new Set(Object.values(ALLOWED_TYPES).flatMap((t) => t.extensions));

export interface SniffedType {
  contentType: string;
  allowed: AllowedType;
}

/**
 * The content type of `bytes`, found by reading them, if it is on the allowlist and the file
 * name's extension agrees with it; otherwise an `Invalid` the uploader reads. Text has no magic
 * number: a file the sniffer does not recognise counts as text only when it is valid UTF-8
 * without control bytes and is named as text.
 */
export async function sniffContentType(bytes: Uint8Array, fileName: string): Promise<SniffedType> {
  const found = await fileTypeFromBuffer(bytes);
  const contentType = found ? found.mime : looksLikeText(bytes) ? textTypeOf(fileName) : undefined;
  if (!contentType) throw new Invalid("files.errors.typeNotAllowed");
  const allowed = allowedType(contentType);
  if (!allowed) throw new Invalid("files.errors.typeNotAllowed");
  const extension = extensionOf(fileName);
  if (!ALLOWED_EXTENSIONS.has(extension)) throw new Invalid("files.errors.typeNotAllowed");
  if (!allowed.extensions.includes(extension)) throw new Invalid("files.errors.typeMismatch");
  return { contentType, allowed };
}

function textTypeOf(fileName: string): string {
  return extensionOf(fileName) === "csv" ? "text/csv" : "text/plain";
}

/** Valid UTF-8 and no control bytes other than tab, line feed, carriage return and form feed. */
export function looksLikeText(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
    if (b === 0x7f) return false;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
