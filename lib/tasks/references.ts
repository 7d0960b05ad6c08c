import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cases, clients, users } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { wallClockToInstant } from "@/lib/time/zoned";
import type { ReminderInput } from "./schema";
import type { Channel } from "@/lib/org/vocabulary";

/** Collects field problems so one answer lists them all, and nothing is written. */
export class FieldProblems {
  private readonly problems: Record<string, string[]> = {};
  add(field: string, key: string): void {
    (this.problems[field] ??= []).push(key);
  }
  throwIfAny(): void {
    if (Object.keys(this.problems).length) throw new Invalid("invalidInput", this.problems);
  }
}

export interface Person {
  id: string;
  name: string;
  locale: "pl" | "en";
  timeZone: string;
  active: boolean;
}

export async function peopleById(db: DbOrTx, ids: string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, locale: users.locale, timeZone: users.timeZone, active: users.active })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Tasks go to people who can act on them: an unknown or deactivated account is refused. */
export async function checkAssignee(db: DbOrTx, assigneeId: string, problems: FieldProblems): Promise<Person | null> {
  const person = (await peopleById(db, [assigneeId])).get(assigneeId);
  if (!person || !person.active) {
    problems.add("assigneeId", "tasks.errors.assigneeUnknown");
    return null;
  }
  return person;
}

/**
 * The client and case a task belongs to. Choosing a case fills its client; a case of another
 * client than the one chosen is refused rather than silently corrected.
 */
export async function checkClientAndCase(
  db: DbOrTx,
  input: { clientId: string | null; caseId: string | null },
  problems: FieldProblems,
): Promise<{ clientId: string | null; caseId: string | null }> {
  let clientId = input.clientId;
  if (input.caseId) {
    const [found] = await db.select({ clientId: cases.clientId }).from(cases).where(eq(cases.id, input.caseId));
    if (!found) {
      problems.add("caseId", "tasks.errors.caseUnknown");
    } else if (clientId && clientId !== found.clientId) {
      problems.add("caseId", "tasks.errors.caseOfOtherClient");
    } else {
      clientId = found.clientId;
    }
  }
  if (clientId && clientId === input.clientId) {
    const [found] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
    if (!found) problems.add("clientId", "tasks.errors.clientUnknown");
  }
  return { clientId, caseId: input.caseId };
}

/** "2026-03-29T09:00" typed by the viewer → the instant, in the viewer's own zone. */
export function dueFromInput(local: string | null, viewer: Viewer, problems: FieldProblems): Date | null {
  if (local === null) return null;
  const instant = wallClockToInstant(local, viewer.timeZone);
  if (!instant) problems.add("dueAt", "invalidDate");
  return instant;
}

export interface ReminderRow {
  offsetMinutes: number | null;
  fireAt: Date | null;
  channel: Channel | null;
}

/** Reminders as stored; a lead time needs a due moment to count back from. */
export function remindersFromInput(input: ReminderInput[], dueAt: Date | null, viewer: Viewer, problems: FieldProblems): ReminderRow[] {
  const rows: ReminderRow[] = [];
  input.forEach((r, i) => {
    if (r.type === "before") {
      if (!dueAt) problems.add(`reminders.${i}.offsetMinutes`, "tasks.errors.reminderNeedsDue");
      rows.push({ offsetMinutes: r.offsetMinutes, fireAt: null, channel: r.channel });
    } else {
      const fireAt = wallClockToInstant(r.fireAt, viewer.timeZone);
      if (!fireAt) problems.add(`reminders.${i}.fireAt`, "invalidDate");
      rows.push({ offsetMinutes: null, fireAt, channel: r.channel });
    }
  });
  return rows;
}
