import type { UserErrorCode } from "./errors";

export type ActionErrorCode = UserErrorCode | "internal";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ActionErrorCode; error: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };
