import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { departments, teamMembers, teams, users } from "@/db/schema";
import { NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { DateFormat } from "@/lib/i18n/format-for";
import { assertCanManageOrganisation } from "./policy";
import type { Role, UserFilters, WorkingMode } from "./schema";

export const USER_LIST_LIMIT = 200;

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  title: string | null;
  role: Role;
  departmentName: string | null;
  supervisorName: string | null;
  workingMode: WorkingMode;
  active: boolean;
  teams: string[];
}

const supervisor = alias(users, "supervisor");

function byName(locale: string) {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
}

/** `%` and `_` typed into the search box are matched literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The admin's user list: search by name or e-mail, filtered by department, role and status. */
export async function listUsers(db: DbOrTx, viewer: Viewer, filters: UserFilters): Promise<{ rows: UserListRow[]; truncated: boolean }> {
  assertCanManageOrganisation(viewer);
  const where: SQL[] = [];
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (filters.departmentId) where.push(eq(users.departmentId, filters.departmentId));
  if (filters.role) where.push(eq(users.role, filters.role));
  if (filters.active) where.push(eq(users.active, filters.active === "active"));

  const found = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      title: users.title,
      role: users.role,
      departmentName: departments.name,
      supervisorName: supervisor.name,
      workingMode: users.workingMode,
      active: users.active,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(supervisor, eq(supervisor.id, users.supervisorId))
    .where(and(...where))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(USER_LIST_LIMIT + 1);

  const truncated = found.length > USER_LIST_LIMIT;
  const page = found.slice(0, USER_LIST_LIMIT);
  const teamsByUser = await teamNamesOf(
    db,
    page.map((u) => u.id),
  );
  const rows = page.map((u) => ({ ...u, teams: teamsByUser.get(u.id) ?? [] })).sort(byName(viewer.locale));
  return { rows, truncated };
}

async function teamNamesOf(db: DbOrTx, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!userIds.length) return out;
  const rows = await db
    .select({ userId: teamMembers.userId, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(inArray(teamMembers.userId, userIds))
    .orderBy(asc(teams.name));
  for (const row of rows) {
    const list = out.get(row.userId) ?? [];
    list.push(row.name);
    out.set(row.userId, list);
  }
  return out;
}

export interface UserOption {
  id: string;
  name: string;
  title: string | null;
}

/** Active people to pick from (supervisor, assignee, invitee). Every signed-in person may see who works here. */
export async function activeUserOptions(db: DbOrTx, viewer: Viewer): Promise<UserOption[]> {
  const rows = await db.select({ id: users.id, name: users.name, title: users.title }).from(users).where(eq(users.active, true));
  return rows.sort(byName(viewer.locale));
}

export interface TeamSummary {
  id: string;
  name: string;
  memberCount: number;
}
export interface DepartmentSummary {
  id: string;
  name: string;
  userCount: number;
  teams: TeamSummary[];
}

/** Departments with their teams and head counts (every user, active or not, since they block deletion). */
export async function organisationTree(db: DbOrTx, viewer: Viewer): Promise<DepartmentSummary[]> {
  const peoplePerDepartment = db
    .select({ departmentId: users.departmentId, n: count().as("n") })
    .from(users)
    .groupBy(users.departmentId)
    .as("people_per_department");
  const membersPerTeam = db
    .select({ teamId: teamMembers.teamId, n: count().as("n") })
    .from(teamMembers)
    .groupBy(teamMembers.teamId)
    .as("members_per_team");
  const [depts, teamRows] = await Promise.all([
    db
      .select({ id: departments.id, name: departments.name, userCount: sql<number>`coalesce(${peoplePerDepartment.n}, 0)` })
      .from(departments)
      .leftJoin(peoplePerDepartment, eq(peoplePerDepartment.departmentId, departments.id)),
    db
      .select({ id: teams.id, name: teams.name, departmentId: teams.departmentId, memberCount: sql<number>`coalesce(${membersPerTeam.n}, 0)` })
      .from(teams)
      .leftJoin(membersPerTeam, eq(membersPerTeam.teamId, teams.id)),
  ]);
  const order = byName(viewer.locale);
  return depts.sort(order).map((d) => ({
    ...d,
    userCount: Number(d.userCount),
    teams: teamRows
      .filter((t) => t.departmentId === d.id)
      .map(({ departmentId: _d, ...t }) => ({ ...t, memberCount: Number(t.memberCount) }))
      .sort(order),
  }));
}

export interface UserForEdit {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: Role;
  title: string | null;
  departmentId: string | null;
  teamIds: string[];
  supervisorId: string | null;
  timeZone: string;
  locale: "pl" | "en";
  workingMode: WorkingMode;
  active: boolean;
  directReports: Array<{ id: string; name: string; title: string | null; active: boolean }>;
}

/** One user as the admin's edit form shows it, with the people who report to them. */
export async function userForEdit(db: DbOrTx, viewer: Viewer, id: string): Promise<UserForEdit> {
  assertCanManageOrganisation(viewer);
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      role: users.role,
      title: users.title,
      departmentId: users.departmentId,
      supervisorId: users.supervisorId,
      timeZone: users.timeZone,
      locale: users.locale,
      workingMode: users.workingMode,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!row) throw new NotFound("notFound");
  const [memberships, reports] = await Promise.all([
    db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, id)),
    db.select({ id: users.id, name: users.name, title: users.title, active: users.active }).from(users).where(eq(users.supervisorId, id)),
  ]);
  return { ...row, teamIds: memberships.map((m) => m.teamId), directReports: reports.sort(byName(viewer.locale)) };
}

export interface OwnProfile {
  name: string;
  email: string;
  phone: string | null;
  phoneVerified: boolean;
  title: string | null;
  role: Role;
  timeZone: string;
  locale: "pl" | "en";
  dateFormat: DateFormat;
  workingMode: WorkingMode;
  departmentName: string | null;
  supervisorName: string | null;
  teams: string[];
}

/** The signed-in person's own account, as their profile page shows it. */
export async function ownProfile(db: DbOrTx, viewer: Viewer): Promise<OwnProfile> {
  const [row] = await db
    .select({
      name: users.name,
      email: users.email,
      phone: users.phone,
      phoneVerifiedAt: users.phoneVerifiedAt,
      title: users.title,
      role: users.role,
      timeZone: users.timeZone,
      locale: users.locale,
      dateFormat: users.dateFormat,
      workingMode: users.workingMode,
      departmentName: departments.name,
      supervisorName: supervisor.name,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(supervisor, eq(supervisor.id, users.supervisorId))
    .where(eq(users.id, viewer.id));
  if (!row) throw new NotFound("notFound");
  const teamsByUser = await teamNamesOf(db, [viewer.id]);
  const { phoneVerifiedAt, ...rest } = row;
  return { ...rest, phoneVerified: phoneVerifiedAt !== null, teams: teamsByUser.get(viewer.id) ?? [] };
}
