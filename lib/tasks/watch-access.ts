import { and, eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { tasks, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { relationFacts } from "./access";
import { SEEING_RELATIONS } from "./policy";
import type { Person } from "./references";

/** A colleague as a notice about a task needs them: who they are, how they read, and what they may see. */
export interface Reader extends Person {
  role: Viewer["role"];
}

/** Colleagues by id, with their role (for the task's visibility rule); unknown ids are left out. */
export async function readersById(db: DbOrTx, ids: string[]): Promise<Map<string, Reader>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, locale: users.locale, timeZone: users.timeZone, active: users.active, role: users.role })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Which of `people` may see the task now, by the very rule the task's page and lists use
 * (access.ts): asked when a notice is written, so someone who lost access (moved out of the
 * team, no longer above the assignee) hears nothing of it even if they still watch it.
 */
export async function whoMaySee(db: DbOrTx, taskId: string, people: readonly Pick<Reader, "id" | "role">[]): Promise<Set<string>> {
  const seeing = new Set<string>();
  for (const person of people) {
    const facts = relationFacts(person);
    const [row] = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.id, taskId), or(...SEEING_RELATIONS.map((k) => facts[k]))));
    if (row) seeing.add(person.id);
  }
  return seeing;
}
