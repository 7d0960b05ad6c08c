import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { departments, teams, users } from "@/db/schema";
import { Conflict, NotFound } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { assertCanManageOrganisation } from "./policy";
import { isUniqueViolation } from "./unique-violation";

// Departments and teams: the organisation's structure. Membership is edited on the user form.

const departmentTaken = () => new Conflict("departmentTaken", { name: ["departmentTaken"] });
const teamTaken = () => new Conflict("teamTaken", { name: ["teamTaken"] });

export async function createDepartment({ tx, viewer }: Work, input: { name: string }): Promise<{ id: string }> {
  assertCanManageOrganisation(viewer);
  try {
    await assertDepartmentNameFree(tx, input.name);
    const [row] = await tx.insert(departments).values({ name: input.name }).returning({ id: departments.id });
    return { id: row!.id };
  } catch (error) {
    throw isUniqueViolation(error) ? departmentTaken() : error;
  }
}

export async function renameDepartment({ tx, viewer }: Work, input: { id: string; name: string }): Promise<{ id: string }> {
  assertCanManageOrganisation(viewer);
  try {
    await assertDepartmentNameFree(tx, input.name, input.id);
    const [row] = await tx.update(departments).set({ name: input.name }).where(eq(departments.id, input.id)).returning({ id: departments.id });
    if (!row) throw new NotFound("departmentNotFound");
    return { id: row.id };
  } catch (error) {
    throw isUniqueViolation(error) ? departmentTaken() : error;
  }
}

/** Refused while anyone (active or not) or any team still belongs to it: nothing disappears by accident. */
export async function deleteDepartment({ tx, viewer }: Work, input: { id: string }): Promise<{ id: string }> {
  assertCanManageOrganisation(viewer);
  // FOR UPDATE conflicts with the key-share lock a new user or team referencing it takes, so
  // nobody can join between the count and the delete.
  const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.id)).for("update");
  if (!dept) throw new NotFound("departmentNotFound");
  const [people] = await tx.select({ n: count() }).from(users).where(eq(users.departmentId, input.id));
  const [teamCount] = await tx.select({ n: count() }).from(teams).where(eq(teams.departmentId, input.id));
  if ((people?.n ?? 0) > 0 || (teamCount?.n ?? 0) > 0) throw new Conflict("departmentNotEmpty");
  await tx.delete(departments).where(eq(departments.id, input.id));
  return { id: input.id };
}

export async function createTeam({ tx, viewer }: Work, input: { departmentId: string; name: string }): Promise<{ id: string }> {
  assertCanManageOrganisation(viewer);
  try {
    const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId)).for("share");
    if (!dept) throw new NotFound("departmentNotFound");
    await assertTeamNameFree(tx, input.departmentId, input.name);
    const [row] = await tx.insert(teams).values({ departmentId: input.departmentId, name: input.name }).returning({ id: teams.id });
    return { id: row!.id };
  } catch (error) {
    throw isUniqueViolation(error) ? teamTaken() : error;
  }
}

export async function renameTeam({ tx, viewer }: Work, input: { id: string; name: string }): Promise<{ id: string }> {
  assertCanManageOrganisation(viewer);
  try {
    const [team] = await tx.select({ departmentId: teams.departmentId }).from(teams).where(eq(teams.id, input.id)).for("update");
    if (!team) throw new NotFound("teamNotFound");
    await assertTeamNameFree(tx, team.departmentId, input.name, input.id);
    await tx.update(teams).set({ name: input.name }).where(eq(teams.id, input.id));
    return { id: input.id };
  } catch (error) {
    throw isUniqueViolation(error) ? teamTaken() : error;
  }
}

/** Deleting a team ends its memberships; the people stay in their department. */
export async function deleteTeam({ tx, viewer }: Work, input: { id: string }): Promise<{ id: string }> {
  assertCanManageOrganisation(viewer);
  const [row] = await tx.delete(teams).where(eq(teams.id, input.id)).returning({ id: teams.id });
  if (!row) throw new NotFound("teamNotFound");
  return { id: row.id };
}

// The unique indexes are case-sensitive; "sprzedaż" next to "Sprzedaż" would only confuse people.
async function assertDepartmentNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(sql`lower(${departments.name}) = lower(${name})`, exceptId ? ne(departments.id, exceptId) : undefined));
  if (taken) throw departmentTaken();
}

async function assertTeamNameFree(tx: Tx, departmentId: string, name: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.departmentId, departmentId), sql`lower(${teams.name}) = lower(${name})`, exceptId ? ne(teams.id, exceptId) : undefined));
  if (taken) throw teamTaken();
}
