/**
 * The gate of every route handler that changes state (POST, PUT, PATCH, DELETE under app/api,
 * except Auth.js and Inngest, which check their own). The session cookie rides along on a
 * request from any site, so a handler that trusted it alone could be driven by a form on
 * another site (the classic CSRF: a text/plain POST needs no preflight). Browsers send Origin
 * on every POST, fetch() from a page or the service worker included, so a missing or foreign
 * Origin is refused; JSON is the only body accepted, which no cross-site form can send.
 *
 * An upload's raw bytes come as application/octet-stream (`mediaType`), which no cross-site form
 * can send either: a page elsewhere needs a CORS preflight for it, which Baton never grants.
 *
 * Returns the refusal to answer with, or null when the request may go on.
 */
export function refuseCrossSiteRequest(request: Request, appUrl: string, { mediaType: accepted = "application/json" } = {}): Response | null {
  const origin = request.headers.get("origin");
  // Sec-Fetch-Site is set by the browser and cannot be forged by a page; when present it must agree.
  const fetchSite = request.headers.get("sec-fetch-site");
  if (!origin || origin !== new URL(appUrl).origin || (fetchSite !== null && fetchSite !== "same-origin")) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== accepted) {
    return Response.json({ error: "unsupported_media_type" }, { status: 415 });
  }
  return null;
}
