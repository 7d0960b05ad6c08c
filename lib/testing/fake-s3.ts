import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small server that speaks enough of the S3 API for Baton's store (path-style PUT, GET,
 * DELETE of objects in one bucket) for the real AWS SDK to talk to in tests. It checks what a
 * bucket checks of a presigned GET: the SigV4 signature over the URL (so a key alone, or a URL
 * altered, is refused) and that the URL has not expired by its clock (`now`). Other requests
 * must carry a SigV4 Authorization header for the access key.
 */
export async function startFakeS3(options: { bucket: string; accessKeyId: string; secretAccessKey: string; region: string; now?: () => Date }) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const now = options.now ?? (() => new Date());
  const requests: { method: string; path: string; presigned: boolean }[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        handle(req, res, Buffer.concat(chunks));
      } catch (error) {
        fail(res, 500, "InternalError", String(error));
      }
    });
  });

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const url = new URL(req.url ?? "/", "http://fake-s3");
    const [, bucket, ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    const presigned = url.searchParams.has("X-Amz-Signature");
    requests.push({ method: req.method ?? "", path: url.pathname, presigned });
    if (bucket !== options.bucket) return fail(res, 404, "NoSuchBucket", "The specified bucket does not exist");
    if (presigned) {
      const problem = presignProblem(req, url);
      if (problem) return fail(res, 403, problem.code, problem.message);
    } else if (!(req.headers.authorization ?? "").startsWith(`AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/`)) {
      return fail(res, 403, "AccessDenied", "Access Denied");
    }
    if (req.method === "PUT") {
      objects.set(key, { body, contentType: String(req.headers["content-type"] ?? "application/octet-stream") });
      res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
      return res.end();
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      res.writeHead(204);
      return res.end();
    }
    if (req.method === "GET") {
      const object = objects.get(key);
      if (!object) return fail(res, 404, "NoSuchKey", "The specified key does not exist.");
      const headers: Record<string, string> = { "content-type": object.contentType, "content-length": String(object.body.length) };
      for (const [param, header] of [
        ["response-content-type", "content-type"],
        ["response-content-disposition", "content-disposition"],
        ["response-cache-control", "cache-control"],
      ] as const) {
        const value = url.searchParams.get(param);
        if (value) headers[header] = value;
      }
      res.writeHead(200, headers);
      return res.end(object.body);
    }
    fail(res, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
  }

  function presignProblem(req: IncomingMessage, url: URL): { code: string; message: string } | null {
    const q = url.searchParams;
    const amzDate = q.get("X-Amz-Date") ?? "";
    const expires = Number(q.get("X-Amz-Expires"));
    const credential = q.get("X-Amz-Credential") ?? "";
    const signedHeaders = q.get("X-Amz-SignedHeaders") ?? "";
    const [accessKey, day, region, service, terminator] = credential.split("/");
    if (accessKey !== options.accessKeyId || region !== options.region || service !== "s3" || terminator !== "aws4_request" || !day) {
      return { code: "AccessDenied", message: "Invalid credential" };
    }
    const signedAt = Date.parse(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    if (!Number.isFinite(signedAt) || !Number.isFinite(expires)) return { code: "AccessDenied", message: "Malformed presigned URL" };
    if (now().getTime() > signedAt + expires * 1000) return { code: "AccessDenied", message: "Request has expired" };

    const query = [...q.entries()]
      .filter(([k]) => k !== "X-Amz-Signature")
      .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const headerLines = signedHeaders
      .split(";")
      .map((h) => `${h}:${String(req.headers[h] ?? "").trim()}\n`)
      .join("");
    const canonical = [req.method, url.pathname, query, headerLines, signedHeaders, "UNSIGNED-PAYLOAD"].join("\n");
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, createHash("sha256").update(canonical).digest("hex")].join("\n");
    let signingKey: Buffer = Buffer.from(`AWS4${options.secretAccessKey}`);
    for (const part of [day, region, "s3", "aws4_request"]) signingKey = createHmac("sha256", signingKey).update(part).digest();
    const expected = createHmac("sha256", signingKey).update(toSign).digest("hex");
    if (expected !== q.get("X-Amz-Signature"))
      return { code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided." };
    return null;
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function fail(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}
