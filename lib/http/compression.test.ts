import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROTLI_QUALITY, compressResponses, GZIP_LEVEL } from "./compression.mjs";

// A page-like answer: 60 KB of markup, written in chunks with a flush after each, as Next streams a page.
const PAGE = Array.from({ length: 600 }, (_, i) => `<tr><td class="tl-n">#${i}</td><td><a href="/tasks/${i}">Zadanie ${i} – przegląd</a></td></tr>`).join("");
const compress = compressResponses();
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) =>
    compress(req, res, () => {
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/tiny") return void res.setHeader("content-type", "text/html").end("<p>ok</p>");
      if (url.pathname === "/no-transform") res.setHeader("cache-control", "no-transform");
      res.setHeader("content-type", url.pathname === "/png" ? "image/png" : "text/html; charset=utf-8");
      if (url.pathname === "/stream") {
        for (let at = 0; at < PAGE.length; at += 4096) {
          res.write(PAGE.slice(at, at + 4096));
          (res as unknown as { flush(): void }).flush();
        }
        return void res.end();
      }
      res.end(PAGE);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, acceptEncoding?: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", path, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressResponses", () => {
  it("gives a browser brotli at quality 3: the same bytes zlib makes at that quality", async () => {
    const { headers, body } = await get("/", "gzip, deflate, br, zstd");
    expect(headers["content-encoding"]).toBe("br");
    expect(headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(body).toString()).toBe(PAGE);
    expect(BROTLI_QUALITY).toBe(3);
    expect(body.equals(brotliCompressSync(PAGE, { params: { [constants.BROTLI_PARAM_QUALITY]: 3 } }))).toBe(true);
  });

  it("gives a gzip-only client gzip at level 1, not Next's level 6", async () => {
    const { headers, body } = await get("/", "gzip, deflate");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(body).toString()).toBe(PAGE);
    expect(GZIP_LEVEL).toBe(1);
    expect(body.equals(gzipSync(PAGE, { level: 1 }))).toBe(true);
    expect(body.equals(gzipSync(PAGE, { level: 6 }))).toBe(false);
  });

  it("keeps a streamed page whole through its flushes", async () => {
    for (const encoding of ["br", "gzip"]) {
      const { headers, body } = await get("/stream", encoding);
      expect(headers["content-encoding"]).toBe(encoding);
      expect((encoding === "br" ? brotliDecompressSync(body) : gunzipSync(body)).toString()).toBe(PAGE);
    }
  });

  it("leaves alone what should not be compressed", async () => {
    expect((await get("/")).headers["content-encoding"]).toBeUndefined(); // no Accept-Encoding
    expect((await get("/", "identity")).headers["content-encoding"]).toBeUndefined();
    expect((await get("/tiny", "gzip")).headers["content-encoding"]).toBeUndefined(); // under 1 KB
    expect((await get("/png", "gzip")).headers["content-encoding"]).toBeUndefined(); // already compressed
    const kept = await get("/no-transform", "gzip");
    expect(kept.headers["content-encoding"]).toBeUndefined();
    expect(kept.body.toString()).toBe(PAGE);
  });
});
