import { allowedType } from "./limits";

/** Nothing an uploaded file holds may run, load or frame anything, even if a browser sniffed it as a page. */
export const ATTACHMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

/** Only allowlisted raster images are shown in the browser; everything else is downloaded. */
export function servedInline(contentType: string): boolean {
  return allowedType(contentType)?.inline ?? false;
}

/**
 * The Content-Disposition of a download: `attachment` unless the type is an allowlisted raster
 * image, with the original name as RFC 6266/5987 want it (an ASCII fallback and a UTF-8 form).
 */
export function contentDisposition(fileName: string, contentType: string): string {
  const kind = servedInline(contentType) ? "inline" : "attachment";
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeRFC5987(fileName)}`;
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The content type a download is served with: a text file always as plain text in UTF-8. */
export function servedContentType(contentType: string): string {
  return contentType.startsWith("text/") ? `${contentType}; charset=utf-8` : contentType;
}

/** The headers of every answer that carries an uploaded file's bytes (or its thumbnail). */
export function servingHeaders(file: { fileName: string; contentType: string; size: number }): Record<string, string> {
  return {
    "content-type": servedContentType(file.contentType),
    "content-length": String(file.size),
    "content-disposition": contentDisposition(file.fileName, file.contentType),
    "x-content-type-options": "nosniff",
    "content-security-policy": ATTACHMENT_CSP,
    "cache-control": "private, no-store",
    "cross-origin-resource-policy": "same-origin",
  };
}

/**
 * The origin a thumbnail's signed URL points at when files are in a bucket (pages' CSP must let
 * the image in): the S3-compatible endpoint, or AWS's virtual-hosted bucket address. None on disk.
 */
export function attachmentOrigins(e: { S3_BUCKET?: string; S3_ENDPOINT?: string; S3_REGION?: string }): string[] {
  if (!e.S3_BUCKET) return [];
  if (e.S3_ENDPOINT) return [new URL(e.S3_ENDPOINT).origin];
  return [`https://${e.S3_BUCKET}.s3.${e.S3_REGION ?? "us-east-1"}.amazonaws.com`];
}
