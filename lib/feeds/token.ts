import { createHash, randomBytes } from "node:crypto";

/** A feed URL's secret: 256 random bits, URL-safe. Shown once; only its hash is stored. */
export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored and looked up: the SHA-256 of the token, hex. Any string hashes, so every lookup costs the same. */
export function feedTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The address a calendar client subscribes to. The ".ics" ending helps clients that guess the type from the name. */
export function feedUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/feeds/${token}.ics`;
}

/** The token in a feed path segment, with or without its ".ics" ending. */
export function tokenOfSegment(segment: string): string {
  return segment.endsWith(".ics") ? segment.slice(0, -4) : segment;
}
