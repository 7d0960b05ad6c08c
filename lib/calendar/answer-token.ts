import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { MAX_ANSWER_TOKEN_LENGTH } from "./limits";

/** Who an answer link speaks for: a colleague (user id) or an outside guest (guest row id). */
export interface AttendeeRef {
  type: "user" | "guest";
  id: string;
}

/**
 * What an invitation's answer link is bound to: one attendee of one entry, the invitation it came
 * in (the entry's SEQUENCE then: a newer invitation replaces it) and when it stops working (the
 * entry's end).
 */
export interface AnswerLink {
  entryId: string;
  attendee: AttendeeRef;
  sequence: number;
  expiresAt: Date;
  /**
   * One occurrence of a series (its RECURRENCE-ID, whole seconds): the link answers that
   * occurrence alone, and `sequence` is the occurrence's own. Absent: the entry or the whole series.
   */
  recurrenceId?: Date;
}

const VERSION = 1;
/** A link to one occurrence: the same body and four bytes more for its RECURRENCE-ID. */
const OCCURRENCE_VERSION = 2;
const BODY_BYTES = 1 + 16 + 1 + 16 + 4 + 4;
const OCCURRENCE_BODY_BYTES = BODY_BYTES + 4;
const MAC_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error("an answer link names entries and attendees by uuid");
  return Buffer.from(id.replace(/-/g, ""), "hex");
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The key links are signed with: derived from AUTH_SECRET for this one purpose. */
export function answerLinkKey(secret: string = authSecret()): Buffer {
  return createHmac("sha256", secret).update("baton:calendar-answer-links:v1").digest();
}

function mac(body: Buffer, key: Buffer): Buffer {
  return createHmac("sha256", key).update(body).digest().subarray(0, MAC_BYTES);
}

/**
 * The token of an answer link: the binding and an HMAC of it, base64url (78 characters; 83 for an occurrence). It is
 * computed, not stored: the e-mail that carries it can be rendered again (a retried delivery)
 * and gives the same link.
 */
export function signAnswerLink(link: AnswerLink, key: Buffer = answerLinkKey()): string {
  const body = Buffer.alloc(link.recurrenceId ? OCCURRENCE_BODY_BYTES : BODY_BYTES);
  body.writeUInt8(link.recurrenceId ? OCCURRENCE_VERSION : VERSION, 0);
  if (link.recurrenceId) body.writeUInt32BE(Math.floor(link.recurrenceId.getTime() / 1000), BODY_BYTES);
  uuidBytes(link.entryId).copy(body, 1);
  body.writeUInt8(link.attendee.type === "user" ? 0 : 1, 17);
  uuidBytes(link.attendee.id).copy(body, 18);
  body.writeUInt32BE(link.sequence, 34);
  body.writeUInt32BE(Math.max(0, Math.ceil(link.expiresAt.getTime() / 1000)), 38);
  return Buffer.concat([body, mac(body, key)]).toString("base64url");
}

/**
 * What a token is bound to, or null when it is not one Baton signed (altered, cut short, made up).
 * The MAC is compared in constant time. Whether it has expired or been replaced is the caller's
 * question (lib/calendar/answer-link.ts), asked against the entry as it is now.
 */
export function readAnswerLink(token: string, key: Buffer = answerLinkKey()): AnswerLink | null {
  if (token.length > MAX_ANSWER_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  const size = raw.length - MAC_BYTES;
  if ((size !== BODY_BYTES && size !== OCCURRENCE_BODY_BYTES) || raw.toString("base64url") !== token) return null;
  const body = raw.subarray(0, size);
  if (!timingSafeEqual(raw.subarray(size), mac(body, key))) return null;
  const type = body.readUInt8(17);
  if (body.readUInt8(0) !== (size === BODY_BYTES ? VERSION : OCCURRENCE_VERSION) || type > 1) return null;
  return {
    ...(size === OCCURRENCE_BODY_BYTES ? { recurrenceId: new Date(body.readUInt32BE(BODY_BYTES) * 1000) } : {}),
    entryId: uuidOf(body.subarray(1, 17)),
    attendee: { type: type === 0 ? "user" : "guest", id: uuidOf(body.subarray(18, 34)) },
    sequence: body.readUInt32BE(34),
    expiresAt: new Date(body.readUInt32BE(38) * 1000),
  };
}
