import { PRIORITIES } from "@/lib/org/vocabulary";

// Spelled out rather than read from db/schema so forms in the browser do not bundle drizzle;
// a unit test keeps them equal to the database enums.
export const CASE_KINDS = ["sales_opportunity", "quote_request", "service_request"] as const;
export const CASE_STATUSES = ["new", "in_progress", "waiting", "won", "lost", "resolved", "closed"] as const;
export { PRIORITIES };

export type CaseKind = (typeof CASE_KINDS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];

/** Statuses of a case somebody still has to work on; the rest are outcomes. */
export const OPEN_STATUSES = ["new", "in_progress", "waiting"] as const satisfies readonly CaseStatus[];

export function isOpenStatus(status: CaseStatus): boolean {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}

/**
 * The outcomes that make sense for each kind: a sale or a quote is won or lost, a service
 * request is resolved. Any case may simply be closed.
 */
const OUTCOMES: Record<CaseKind, readonly CaseStatus[]> = {
  sales_opportunity: ["won", "lost", "closed"],
  quote_request: ["won", "lost", "closed"],
  service_request: ["resolved", "closed"],
};

export function statusesForKind(kind: CaseKind): CaseStatus[] {
  return [...OPEN_STATUSES, ...OUTCOMES[kind]];
}

export function isStatusAllowedForKind(kind: CaseKind, status: CaseStatus): boolean {
  return statusesForKind(kind).includes(status);
}

/** A case is overdue while it is open and its due moment has passed. */
export function isCaseOverdue(c: { status: CaseStatus; dueAt: Date | null }, now: Date): boolean {
  return c.dueAt !== null && isOpenStatus(c.status) && c.dueAt.getTime() < now.getTime();
}
