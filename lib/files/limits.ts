/**
 * What Baton accepts as an attachment. The type is found by reading the bytes (sniff.ts); the
 * browser's claim and the file name's extension are never trusted on their own, and the name
 * must agree with what the bytes are.
 */

/** The largest file accepted: refused on its Content-Length at once, or as soon as the body grows past it. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** How many files one task, case or comment may carry. */
export const MAX_ATTACHMENTS_PER_ITEM = 50;

export interface AllowedType {
  /** The extensions a file of this type may be named with (lower case, no dot). */
  extensions: readonly string[];
  /** A raster image a browser shows safely: served inline and given a thumbnail. */
  inline: boolean;
  /** An image sharp can read for a thumbnail and its size. */
  image: boolean;
}

const OOXML = "application/vnd.openxmlformats-officedocument";
const ODF = "application/vnd.oasis.opendocument";

/** The content type allowlist, kept apart from what the sniffer can recognise. No SVG, no HTML, no scripts. */
export const ALLOWED_TYPES: Readonly<Record<string, AllowedType>> = {
  "image/jpeg": { extensions: ["jpg", "jpeg", "jfif"], inline: true, image: true },
  "image/png": { extensions: ["png"], inline: true, image: true },
  "image/webp": { extensions: ["webp"], inline: true, image: true },
  // Phone cameras' default; browsers mostly cannot show it, so it is downloaded (a thumbnail when sharp can read it).
  "image/heic": { extensions: ["heic", "heif"], inline: false, image: true },
  "image/heif": { extensions: ["heic", "heif"], inline: false, image: true },
  "application/pdf": { extensions: ["pdf"], inline: false, image: false },
  [`${OOXML}.wordprocessingml.document`]: { extensions: ["docx"], inline: false, image: false },
  [`${OOXML}.spreadsheetml.sheet`]: { extensions: ["xlsx"], inline: false, image: false },
  [`${OOXML}.presentationml.presentation`]: { extensions: ["pptx"], inline: false, image: false },
  [`${ODF}.text`]: { extensions: ["odt"], inline: false, image: false },
  [`${ODF}.spreadsheet`]: { extensions: ["ods"], inline: false, image: false },
  [`${ODF}.presentation`]: { extensions: ["odp"], inline: false, image: false },
  "text/plain": { extensions: ["txt", "log", "md"], inline: false, image: false },
  "text/csv": { extensions: ["csv"], inline: false, image: false },
};

/** The file input's `accept`: images first, so a phone offers its camera. */
export const ACCEPT_ATTRIBUTE = ["image/*", ...new Set(Object.values(ALLOWED_TYPES).flatMap((t) => t.extensions.map((e) => `.${e}`)))].join(",");

/** The extensions named in the UI's limits note, e.g. "JPG, PNG, WEBP, HEIC, PDF, DOCX…". */
export const ALLOWED_EXTENSIONS_LABEL = ["jpg", "png", "webp", "heic", "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
  .map((e) => e.toUpperCase())
  .join(", ");

export function allowedType(contentType: string): AllowedType | undefined {
  return Object.hasOwn(ALLOWED_TYPES, contentType) ? ALLOWED_TYPES[contentType] : undefined;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** Size in the reader's units: "1.4 MB", "820 KB". */
export function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
