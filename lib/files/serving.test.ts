import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ACCEPT_ATTRIBUTE, allowedType, MAX_ATTACHMENT_BYTES } from "./limits";
import { contentDisposition, servedContentType, servedInline, servingHeaders } from "./serving";
import { looksLikeText, sniffContentType } from "./sniff";
import { assertDeclaredLength, readBodyWithin, TooLarge } from "./upload";

describe("content disposition", () => {
  it("shows only allowlisted raster images inline; everything else, SVG and HTML included, is downloaded", () => {
    expect(contentDisposition("a.jpg", "image/jpeg")).toMatch(/^inline;/);
    expect(contentDisposition("a.webp", "image/webp")).toMatch(/^inline;/);
    for (const type of ["image/heic", "application/pdf", "text/plain", "image/svg+xml", "text/html", "application/octet-stream"]) {
      expect(contentDisposition("a", type), type).toMatch(/^attachment;/);
      expect(servedInline(type), type).toBe(false);
    }
  });

  it("keeps the original name safely: an ASCII fallback without quotes and the UTF-8 form", () => {
    expect(contentDisposition('Łódź "raport".pdf', "application/pdf")).toBe(
      `attachment; filename="__d_ _raport_.pdf"; filename*=UTF-8''%C5%81%C3%B3d%C5%BA%20%22raport%22.pdf`,
    );
  });

  it("sends text as plain UTF-8 and every answer with nosniff and a sandbox", () => {
    expect(servedContentType("text/csv")).toBe("text/csv; charset=utf-8");
    const headers = servingHeaders({ fileName: "a.pdf", contentType: "application/pdf", size: 3 });
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("sandbox");
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
  });
});

describe("content type sniffing", () => {
  it("finds the type from the bytes and wants the name to agree", async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    await expect(sniffContentType(png, "a.PNG")).resolves.toMatchObject({ contentType: "image/png" });
    await expect(sniffContentType(png, "a.jpg")).rejects.toThrow("files.errors.typeMismatch");
    await expect(sniffContentType(Buffer.from("%PDF-1.7\n%%EOF"), "a.pdf")).resolves.toMatchObject({ contentType: "application/pdf" });
    await expect(sniffContentType(Buffer.from("a;b\n1;2\n"), "a.csv")).resolves.toMatchObject({ contentType: "text/csv" });
    await expect(sniffContentType(Buffer.from("zażółć"), "a.txt")).resolves.toMatchObject({ contentType: "text/plain" });
  });

  it("refuses what is not on the allowlist, whatever its name", async () => {
    await expect(sniffContentType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "a.svg")).rejects.toThrow("files.errors.typeNotAllowed");
    await expect(sniffContentType(Buffer.from("<html></html>"), "a.html")).rejects.toThrow("files.errors.typeNotAllowed");
    await expect(sniffContentType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), "a.pdf")).rejects.toThrow(
      "files.errors.typeNotAllowed",
    );
    await expect(sniffContentType(Buffer.from("GIF89a\x01\x00\x01\x00"), "a.gif")).rejects.toThrow("files.errors.typeNotAllowed");
    expect(looksLikeText(Buffer.from([0xff, 0xfe, 0x00]))).toBe(false);
  });

  it("keeps SVG and HTML off the allowlist and offers the camera first", () => {
    expect(allowedType("image/svg+xml")).toBeUndefined();
    expect(allowedType("text/html")).toBeUndefined();
    expect(allowedType("toString")).toBeUndefined();
    expect(ACCEPT_ATTRIBUTE.startsWith("image/*,")).toBe(true);
  });
});

describe("size limit", () => {
  it("refuses a declared length over the limit at once", () => {
    expect(() => assertDeclaredLength(String(MAX_ATTACHMENT_BYTES + 1))).toThrow(TooLarge);
    expect(() => assertDeclaredLength(String(MAX_ATTACHMENT_BYTES))).not.toThrow();
    expect(() => assertDeclaredLength(null)).not.toThrow();
  });

  it("stops reading a body as soon as it passes the limit", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(10));
      },
    });
    await expect(readBodyWithin(body, 35)).rejects.toThrow(TooLarge);
    expect(pulled).toBeLessThanOrEqual(5);
    const small = new Response("hello").body;
    expect(Buffer.from(await readBodyWithin(small, 5)).toString()).toBe("hello");
  });
});
