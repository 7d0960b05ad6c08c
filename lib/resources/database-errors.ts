/**
 * The SQLSTATE of a database error. drizzle wraps driver errors (`DrizzleQueryError`), so the
 * code is on `cause`; a raw driver error carries it itself.
 */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

const EXCLUSION_VIOLATION = "23P01";
const SERIALIZATION_FAILURE = "40001";
const DEADLOCK_DETECTED = "40P01";
const LOCK_NOT_AVAILABLE = "55P03";

/**
 * Whether the database refused a booking because another one holds the time: the exclusion
 * constraint itself, or the serialization or deadlock error a concurrent loser can get instead.
 */
export function isBookingClash(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === EXCLUSION_VIOLATION || state === SERIALIZATION_FAILURE || state === DEADLOCK_DETECTED;
}

/** Whether a lock asked for without waiting (NOWAIT) was held by someone else. */
export function isLockBusy(error: unknown): boolean {
  return sqlStateOf(error) === LOCK_NOT_AVAILABLE;
}
