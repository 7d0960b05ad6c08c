import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { refuseCrossSiteRequest } from "./same-origin";

const APP = "https://baton.example.com";
const post = (headers: Record<string, string>) => new Request(`${APP}/api/notifications/snooze`, { method: "POST", headers, body: "{}" });
const json = { "content-type": "application/json" };

describe("refuseCrossSiteRequest", () => {
  it("lets a same-origin JSON request through, with or without Sec-Fetch-Site and a charset", () => {
    expect(refuseCrossSiteRequest(post({ ...json, origin: APP }), APP)).toBeNull();
    expect(
      refuseCrossSiteRequest(post({ "content-type": "Application/JSON; charset=utf-8", origin: APP, "sec-fetch-site": "same-origin" }), `${APP}/`),
    ).toBeNull();
  });

  it("refuses a missing, foreign, null or look-alike Origin with 403", () => {
    for (const origin of [
      undefined,
      "https://evil.example",
      "null",
      "http://baton.example.com",
      "https://baton.example.com.evil.example",
      "https://baton.example.com:8443",
    ]) {
      const refused = refuseCrossSiteRequest(post(origin ? { ...json, origin } : json), APP);
      expect(refused?.status, String(origin)).toBe(403);
    }
  });

  it("refuses a request the browser marks as cross-site even when Origin looks right", () => {
    expect(refuseCrossSiteRequest(post({ ...json, origin: APP, "sec-fetch-site": "cross-site" }), APP)?.status).toBe(403);
    expect(refuseCrossSiteRequest(post({ ...json, origin: APP, "sec-fetch-site": "same-site" }), APP)?.status).toBe(403);
  });

  it("refuses anything but JSON with 415: the bodies a cross-site form can send", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", ""]) {
      const refused = refuseCrossSiteRequest(post(type ? { origin: APP, "content-type": type } : { origin: APP }), APP);
      expect(refused?.status, type).toBe(415);
    }
  });

  it("takes an upload's raw bytes only as application/octet-stream, and only from the app's origin", () => {
    const upload = { mediaType: "application/octet-stream" };
    expect(refuseCrossSiteRequest(post({ origin: APP, "content-type": "application/octet-stream" }), APP, upload)).toBeNull();
    for (const type of ["text/plain", "multipart/form-data; boundary=x", "application/json"]) {
      expect(refuseCrossSiteRequest(post({ origin: APP, "content-type": type }), APP, upload)?.status, type).toBe(415);
    }
    expect(refuseCrossSiteRequest(post({ origin: "https://evil.example", "content-type": "application/octet-stream" }), APP, upload)?.status).toBe(403);
  });
});

describe("route handlers that change state", () => {
  // Auth.js, Inngest and Resend's inbound webhook check their own requests (CSRF token, signing
  // key, svix signature): none comes from a browser.
  const OWN_CHECKS = ["auth/", "inngest/", "inbound/"];
  const api = path.resolve(import.meta.dirname, "../../app/api");
  const routes = readdirSync(api, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts") && !OWN_CHECKS.some((p) => f.startsWith(p)));
  it("are found", () => expect(routes.length).toBeGreaterThan(1));
  it.each(routes)("app/api/%s checks the request before anything else", (file) => {
    const source = readFileSync(path.join(api, file), "utf8");
    for (const [, method, body] of source.matchAll(/export async function (POST|PUT|PATCH|DELETE)\([^)]*\)\s*\{([\s\S]*?)\n\}/g)) {
      expect(body!.trim().startsWith("const refused = refuseCrossSiteRequest("), `${file} ${method}`).toBe(true);
    }
  });
});
