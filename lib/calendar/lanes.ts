import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { calendarPeopleChoices, departments, teamMembers, teams, users } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { calendarGroupsOf } from "./grants";
import type { RememberPeopleInput } from "./schema";

// What "the week of the people I picked" offers to pick from, and the choice it remembers.
// Every signed-in person may see who works in which team (as the people pickers show anyone
// active); what they may see of each calendar is decided by the window query.

export interface LanePerson {
  id: string;
  name: string;
}

/** A set of people taken in one click: a team, a department or a saved group. */
export interface PeopleSet {
  id: string;
  name: string;
  people: LanePerson[];
}

export interface LanesSetup {
  /** The people shown last time, in their order; the viewer alone on a first visit. */
  chosen: LanePerson[];
  groups: PeopleSet[];
  teams: (PeopleSet & { departmentName: string })[];
  departments: PeopleSet[];
}

function byName(locale: string) {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
}

/** Active people by id; deactivated colleagues drop out of lanes, groups and the remembered choice. */
async function activePeople(db: DbOrTx, ids: string[]): Promise<Map<string, LanePerson>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, unique), eq(users.active, true)));
  return new Map(rows.map((r) => [r.id, r]));
}

function inOrder(ids: string[], people: Map<string, LanePerson>): LanePerson[] {
  return ids.flatMap((id) => {
    const person = people.get(id);
    return person ? [person] : [];
  });
}

/** The ids remembered for the viewer, or null before their first choice. */
export async function rememberedPeopleOf(db: DbOrTx, viewer: Viewer): Promise<string[] | null> {
  const [row] = await db.select({ memberIds: calendarPeopleChoices.memberIds }).from(calendarPeopleChoices).where(eq(calendarPeopleChoices.userId, viewer.id));
  return row?.memberIds ?? null;
}

/** Everything the people view needs besides the window: the remembered choice, saved groups, teams and departments. */
export async function lanesSetupOf(db: DbOrTx, viewer: Viewer): Promise<LanesSetup> {
  const [remembered, groups, teamRows, memberRows, departmentRows, staff] = await Promise.all([
    rememberedPeopleOf(db, viewer),
    calendarGroupsOf(db, viewer),
    db.select({ id: teams.id, name: teams.name, departmentName: departments.name }).from(teams).innerJoin(departments, eq(departments.id, teams.departmentId)),
    db
      .select({ teamId: teamMembers.teamId, id: users.id, name: users.name })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(users.active, true)),
    db.select({ id: departments.id, name: departments.name }).from(departments),
    db.select({ id: users.id, name: users.name, departmentId: users.departmentId }).from(users).where(eq(users.active, true)).orderBy(asc(users.name)),
  ]);
  const order = byName(viewer.locale);
  const chosenIds = remembered ?? [viewer.id];
  const named = await activePeople(db, [...chosenIds, ...groups.flatMap((g) => g.memberIds)]);
  return {
    chosen: inOrder(chosenIds, named),
    groups: groups.map((g) => ({ id: g.id, name: g.name, people: inOrder(g.memberIds, named) })),
    teams: teamRows
      .map((t) => ({
        ...t,
        people: memberRows
          .filter((m) => m.teamId === t.id)
          .map(({ id, name }) => ({ id, name }))
          .sort(order),
      }))
      .filter((t) => t.people.length)
      .sort((a, b) => order({ name: a.departmentName }, { name: b.departmentName }) || order(a, b)),
    departments: departmentRows
      .map((d) => ({
        ...d,
        people: staff
          .filter((p) => p.departmentId === d.id)
          .map(({ id, name }) => ({ id, name }))
          .sort(order),
      }))
      .filter((d) => d.people.length)
      .sort(order),
  };
}

/** Remembers the people the viewer shows side by side; only their own choice, never anyone else's. */
export async function rememberPeopleChoice({ tx, viewer, now }: Work, input: RememberPeopleInput): Promise<{ memberIds: string[] }> {
  const known = await activePeople(tx, input.memberIds);
  if (input.memberIds.some((id) => !known.has(id))) throw new Invalid("calendar.errors.personUnknown", { memberIds: ["calendar.errors.personUnknown"] });
  await tx
    .insert(calendarPeopleChoices)
    .values({ userId: viewer.id, memberIds: input.memberIds, updatedAt: now })
    .onConflictDoUpdate({ target: calendarPeopleChoices.userId, set: { memberIds: input.memberIds, updatedAt: now } });
  return { memberIds: input.memberIds };
}

/**
 * A colleague whose calendar the viewer opens on its own (/calendar?person=…): any active person,
 * as in the lanes; what the viewer sees of it is decided by the window query. Null for an id that
 * is not an active person's (or not an id at all).
 */
export async function calendarPersonOf(db: DbOrTx, id: string): Promise<LanePerson | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return (await activePeople(db, [id])).get(id) ?? null;
}
