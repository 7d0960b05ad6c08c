import { and, asc, eq, ilike, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { assertCanManageOrganisation } from "@/lib/org/policy";
import { isUnder } from "@/lib/tasks/chain";
import { PICKER_LIMIT, UUID, containing, startingWith, type PickerItem } from "./picker-item";

/**
 * What a person is picked for, which decides who may be offered:
 * - `active`: any active colleague (task assignee, hand-over, case owner, account manager, and the
 *   person filters of My tasks and Delegated): every signed-in user may choose any of them;
 * - `team`: the people under the viewer in the supervisor chain (the Team list's filter);
 * - `supervisor`: an administrator choosing someone's supervisor (refused to anyone else).
 */
export const PEOPLE_SCOPES = ["active", "team", "supervisor"] as const;
export type PeopleScope = (typeof PEOPLE_SCOPES)[number];

function scopeCondition(viewer: Viewer, scope: PeopleScope): SQL {
  if (scope === "team") return and(isUnder(users.id, viewer.id), ne(users.id, viewer.id))!;
  if (scope === "supervisor") assertCanManageOrganisation(viewer);
  return eq(users.active, true);
}

function toItem(row: { id: string; name: string; title: string | null }): PickerItem {
  return { id: row.id, label: row.name, detail: row.title };
}

/**
 * People the viewer may pick for `scope` whose name or job title contains `q`: names starting with
 * it first, then by name; at most `limit`. `exclude` leaves out ids (hand-over leaves out the
 * current assignee).
 */
export async function searchPeople(
  db: DbOrTx,
  viewer: Viewer,
  input: { q: string; scope: PeopleScope; exclude?: string[]; limit?: number },
): Promise<PickerItem[]> {
  const where: SQL[] = [scopeCondition(viewer, input.scope)];
  const q = input.q.trim();
  if (q) where.push(or(ilike(users.name, containing(q)), ilike(users.title, containing(q)))!);
  const exclude = (input.exclude ?? []).filter(Boolean);
  if (exclude.length) where.push(notInArray(users.id, exclude));
  const rows = await db
    .select({ id: users.id, name: users.name, title: users.title })
    .from(users)
    .where(and(...where))
    .orderBy(...(q ? [sql`${users.name} ILIKE ${startingWith(q)} DESC`] : []), asc(sql`lower(${users.name})`), asc(users.id))
    .limit(Math.min(input.limit ?? PICKER_LIMIT, PICKER_LIMIT));
  return rows.map(toItem);
}

/**
 * The label of an already chosen person, for the first render of a picker (the page passes only
 * the chosen one, never the whole list). Someone outside `scope` comes back as null, so a URL
 * cannot make the page name a person the viewer may not pick. `inactiveToo` also names people
 * deactivated since they were chosen (a task's assignee, someone's supervisor).
 */
export async function chosenPerson(
  db: DbOrTx,
  viewer: Viewer,
  scope: PeopleScope,
  id: string | null | undefined,
  inactiveToo = false,
): Promise<PickerItem | null> {
  if (!id || !UUID.test(id)) return null;
  const condition = scopeCondition(viewer, scope);
  const [row] = await db
    .select({ id: users.id, name: users.name, title: users.title })
    .from(users)
    .where(and(eq(users.id, id), inactiveToo && scope !== "team" ? undefined : condition));
  return row ? toItem(row) : null;
}
