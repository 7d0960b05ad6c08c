/** One history row of a task or of a case as a command records it (who and when are added on writing). */
export interface HistoryEntryDraft<Kind extends string> {
  kind: Kind;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  comment?: string | null;
}

/** How a value is kept in the history: ids and instants as text, absence as null. */
export function historyValue(value: string | number | boolean | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The columns every history row has, all at the unit's moment `now`, by `actorId`. */
export function historyRows<Kind extends string>(entries: HistoryEntryDraft<Kind>[], actorId: string, now: Date) {
  return entries.map((e) => ({
    actorId,
    kind: e.kind,
    field: e.field ?? null,
    oldValue: e.oldValue ?? null,
    newValue: e.newValue ?? null,
    comment: e.comment ?? null,
    createdAt: now,
  }));
}
