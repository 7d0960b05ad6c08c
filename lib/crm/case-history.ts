import type { DbOrTx } from "@/db";
import { caseActivity, type cases } from "@/db/schema";

export type CaseActivityKind = (typeof caseActivity.kind.enumValues)[number];

export interface CaseActivityEntry {
  kind: CaseActivityKind;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  comment?: string | null;
}

type CaseRow = typeof cases.$inferSelect;

/** The fields of a case its history follows, in the order a change lists them. */
export const CASE_HISTORY_FIELDS = ["title", "kind", "clientId", "status", "priority", "ownerId", "dueAt", "description"] as const;
export type CaseHistoryField = (typeof CASE_HISTORY_FIELDS)[number];

/** How a value is kept in the history: ids and instants as text, absence as null. */
export function caseHistoryValue(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : value;
}

function kindOfChange(field: CaseHistoryField): CaseActivityKind {
  if (field === "status") return "status";
  if (field === "ownerId") return "reassigned";
  return "changed";
}

/** One history entry per field that differs between the case as it was and as it is about to be. */
export function caseChanges(before: Pick<CaseRow, CaseHistoryField>, after: Partial<Pick<CaseRow, CaseHistoryField>>): CaseActivityEntry[] {
  return CASE_HISTORY_FIELDS.filter((f) => f in after && caseHistoryValue(after[f]) !== caseHistoryValue(before[f])).map((field) => ({
    kind: kindOfChange(field),
    field,
    oldValue: caseHistoryValue(before[field]),
    newValue: caseHistoryValue(after[field]),
  }));
}

/** Writes the entries in the caller's transaction, all at the unit's moment, by `actorId`. */
export async function recordCaseActivity(tx: DbOrTx, caseId: string, actorId: string, entries: CaseActivityEntry[], now: Date): Promise<void> {
  if (!entries.length) return;
  await tx.insert(caseActivity).values(
    entries.map((e) => ({
      caseId,
      actorId,
      kind: e.kind,
      field: e.field ?? null,
      oldValue: e.oldValue ?? null,
      newValue: e.newValue ?? null,
      comment: e.comment ?? null,
      createdAt: now,
    })),
  );
}
