/**
 * Errors a person may see. Anything else thrown inside an action is logged and shown as a
 * generic failure, so internals never leak to the browser.
 */
export type UserErrorCode = "not_found" | "forbidden" | "conflict" | "invalid" | "unauthenticated";

/** Values for the message's placeholders ("{resource} is taken by {bookedBy}"), already formatted for the reader. */
export type MessageParams = Record<string, string | number>;

export abstract class UserError extends Error {
  abstract readonly code: UserErrorCode;
  /** Placeholders of the message key. */
  params?: MessageParams;
  /** Data the form shows beside the message (a conflict's free alternatives); plain JSON. */
  details?: Record<string, unknown>;
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The same error with placeholders for its message and details for the form. */
  with(params: MessageParams, details?: Record<string, unknown>): this {
    this.params = params;
    if (details) this.details = details;
    return this;
  }
}

export class NotFound extends UserError {
  readonly code = "not_found";
}
export class Forbidden extends UserError {
  readonly code = "forbidden";
}
export class Conflict extends UserError {
  readonly code = "conflict";
}
export class Invalid extends UserError {
  readonly code = "invalid";
}
export class Unauthenticated extends UserError {
  readonly code = "unauthenticated";
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
