/**
 * Errors a person may see. Anything else thrown inside an action is logged and shown as a
 * generic failure, so internals never leak to the browser.
 */
export type UserErrorCode = "not_found" | "forbidden" | "conflict" | "invalid" | "unauthenticated";

export abstract class UserError extends Error {
  abstract readonly code: UserErrorCode;
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
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
