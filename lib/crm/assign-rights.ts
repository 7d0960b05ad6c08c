import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { caseAssignRights, departments, users } from "@/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import type { Work } from "@/lib/effects/unit";
import { assertCanManageOrganisation } from "@/lib/org/policy";
import type { CaseKind } from "./case-states";
import type { CaseAssignRight } from "./policy";
import type { GrantCaseAssignRightInput } from "./schema";

// The "may assign cases" rights: administrators grant and revoke them on a person's admin page;
// the case policy reads a person's rights when they hand a case on.

/** The rights a person holds (none for most people). */
export async function caseAssignRightsOf(db: DbOrTx, userId: string): Promise<CaseAssignRight[]> {
  const rows = await db
    .select({ kind: caseAssignRights.kind, departmentId: caseAssignRights.departmentId })
    .from(caseAssignRights)
    .where(eq(caseAssignRights.userId, userId));
  return rows.flatMap((r): CaseAssignRight[] => {
    if (r.kind !== null) return [{ kind: r.kind, departmentId: null }];
    return r.departmentId !== null ? [{ kind: null, departmentId: r.departmentId }] : [];
  });
}

export interface CaseAssignRightRow {
  id: string;
  kind: CaseKind | null;
  departmentId: string | null;
  departmentName: string | null;
  grantedByName: string | null;
  createdAt: Date;
}

/** A person's rights as their admin page lists them: kinds first, then departments by name. */
export async function caseAssignRightsForAdmin(db: DbOrTx, viewer: Viewer, userId: string): Promise<CaseAssignRightRow[]> {
  assertCanManageOrganisation(viewer);
  return db
    .select({
      id: caseAssignRights.id,
      kind: caseAssignRights.kind,
      departmentId: caseAssignRights.departmentId,
      departmentName: departments.name,
      grantedByName: users.name,
      createdAt: caseAssignRights.createdAt,
    })
    .from(caseAssignRights)
    .leftJoin(departments, eq(departments.id, caseAssignRights.departmentId))
    .leftJoin(users, eq(users.id, caseAssignRights.grantedById))
    .where(eq(caseAssignRights.userId, userId))
    .orderBy(sql`${caseAssignRights.kind} asc nulls last`, asc(departments.name));
}

export async function grantCaseAssignRight({ tx, viewer, now }: Work, input: GrantCaseAssignRightInput): Promise<{ id: string; userId: string }> {
  assertCanManageOrganisation(viewer);
  const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
  if (!person) throw new NotFound("notFound");
  const { kind, departmentId } = input.scope;
  if (departmentId !== null) {
    const [department] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
    if (!department) throw new Invalid("departmentNotFound", { scope: ["departmentNotFound"] });
  }
  // The partial unique indexes refuse a duplicate even under a race; this gives the clear message.
  const rows = await tx
    .insert(caseAssignRights)
    .values({ userId: input.userId, kind, departmentId, grantedById: viewer.id, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: caseAssignRights.id });
  if (!rows[0]) throw new Conflict("crm.errors.rightHeld", { scope: ["crm.errors.rightHeld"] });
  return { id: rows[0].id, userId: input.userId };
}

export async function revokeCaseAssignRight({ tx, viewer }: Work, input: { id: string }): Promise<{ id: string; userId: string }> {
  assertCanManageOrganisation(viewer);
  const [row] = await tx
    .delete(caseAssignRights)
    .where(eq(caseAssignRights.id, input.id))
    .returning({ id: caseAssignRights.id, userId: caseAssignRights.userId });
  if (!row) throw new NotFound("notFound");
  return row;
}
