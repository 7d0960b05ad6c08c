import { isUserError, type UserError } from "@/lib/action/errors";
import { MAX_ATTACHMENT_BYTES, megabytes } from "./limits";
import { TooLarge } from "./upload";

const STATUS: Record<UserError["code"], number> = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400, unauthenticated: 401 };

/**
 * The JSON answer of an attachment route that refuses: the code, and the message key the page
 * translates (files.errors.*). Anything unexpected is logged and answered as a plain 500.
 */
export function refusal(error: unknown): Response {
  if (error instanceof TooLarge) {
    return Response.json({ error: "too_large", message: "files.errors.tooLarge", params: { max: megabytes(MAX_ATTACHMENT_BYTES) } }, { status: 413 });
  }
  if (isUserError(error)) {
    return Response.json({ error: error.code, message: error.message, params: error.params ?? {} }, { status: STATUS[error.code] });
  }
  console.error("[attachments]", error);
  return Response.json({ error: "failed", message: "files.errors.failed" }, { status: 500 });
}
