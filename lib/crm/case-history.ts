import type { DbOrTx } from "@/db";
import { caseActivity, type cases } from "@/db/schema";
import { historyRows, historyValue, type HistoryEntryDraft } from "@/lib/history/entries";

export type CaseActivityKind = (typeof caseActivity.kind.enumValues)[number];

export type CaseActivityEntry = HistoryEntryDraft<CaseActivityKind>;

type CaseRow = typeof cases.$inferSelect;

/** The fields of a case its history follows, in the order a change lists them. */
export const CASE_HISTORY_FIELDS = ["title", "kind", "clientId", "status", "priority", "ownerId", "dueAt", "description"] as const;
export type CaseHistoryField = (typeof CASE_HISTORY_FIELDS)[number];

function kindOfChange(field: CaseHistoryField): CaseActivityKind {
  if (field === "status") return "status";
  if (field === "ownerId") return "reassigned";
  return "changed";
}

/** One history entry per field that differs between the case as it was and as it is about to be. */
export function caseChanges(before: Pick<CaseRow, CaseHistoryField>, after: Partial<Pick<CaseRow, CaseHistoryField>>): CaseActivityEntry[] {
  return CASE_HISTORY_FIELDS.filter((f) => f in after && historyValue(after[f]) !== historyValue(before[f])).map((field) => ({
    kind: kindOfChange(field),
    field,
    oldValue: historyValue(before[field]),
    newValue: historyValue(after[field]),
  }));
}

/** Writes the entries in the caller's transaction, all at the unit's moment, by `actorId`. */
export async function recordCaseActivity(tx: DbOrTx, caseId: string, actorId: string, entries: CaseActivityEntry[], now: Date): Promise<void> {
  if (!entries.length) return;
  await tx.insert(caseActivity).values(historyRows(entries, actorId, now).map((row) => ({ ...row, caseId })));
}
