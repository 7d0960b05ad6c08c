/**
 * Whether a database error is a unique-index violation (SQLSTATE 23505), optionally of one
 * named constraint. drizzle wraps driver errors: the SQLSTATE is on `cause`; postgres.js names
 * the constraint `constraint_name`, PGlite `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = (error as { cause?: { code?: unknown; constraint?: unknown; constraint_name?: unknown } } | null)?.cause;
  if (cause?.code !== "23505") return false;
  return constraint === undefined || cause.constraint === constraint || cause.constraint_name === constraint;
}
