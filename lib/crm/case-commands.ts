import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cases, clients, users } from "@/db/schema";
import { Invalid, NotFound } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { caseAssignment, type CaseAssignment } from "./assignment";
import { caseAssignRightsOf } from "./assign-rights";
import { caseChanges, recordCaseActivity } from "./case-history";
import type { Work } from "@/lib/effects/unit";
import { notifyCaseAssignment } from "./case-notices";
import { isStatusAllowedForKind } from "./case-states";
import { isActiveUser } from "./commands";
import { wallClockToInstant } from "@/lib/time/wall-clock";
import { assertCanEditCase, assertCanReassignCase } from "./policy";
import type { ChangeCaseStatusInput, CreateCaseInput, ReassignCaseInput, UpdateCaseInput } from "./schema";

// Case writes. Each runs in its unit of work and records what it changed in the case's history
// there; the ones that hand a case to somebody write the notifications of its new and previous
// owners in it too, and return the assignment.

export interface CaseWriteResult {
  id: string;
  number: number;
  assignment: CaseAssignment | null;
}

async function assertClientExists(db: DbOrTx, id: string): Promise<void> {
  const [row] = await db.select({ id: clients.id }).from(clients).where(eq(clients.id, id));
  if (!row) throw new Invalid("clientNotFound", { clientId: ["clientNotFound"] });
}

async function assertOwner(db: DbOrTx, id: string): Promise<void> {
  if (!(await isActiveUser(db, id))) throw new Invalid("ownerNotFound", { ownerId: ["ownerNotFound"] });
}

/** The typed wall-clock due time as an instant, read in the viewer's own time zone. */
function dueInstant(viewer: Viewer, dueAt: string | null): Date | null {
  if (dueAt === null) return null;
  const instant = wallClockToInstant(dueAt, viewer.timeZone);
  if (!instant) throw new Invalid("invalidDate", { dueAt: ["invalidDate"] });
  return instant;
}

export async function createCase({ tx, viewer, now, effects }: Work, input: CreateCaseInput): Promise<CaseWriteResult> {
  await assertClientExists(tx, input.clientId);
  await assertOwner(tx, input.ownerId);
  const [row] = await tx
    .insert(cases)
    .values({ ...input, dueAt: dueInstant(viewer, input.dueAt), createdById: viewer.id, createdAt: now, updatedAt: now })
    .returning({ id: cases.id, number: cases.number });
  await recordCaseActivity(tx, row!.id, viewer.id, [{ kind: "created", field: "ownerId", newValue: input.ownerId }], now);
  const assignment = caseAssignment(viewer, row!.id, null, input.ownerId);
  if (assignment) await notifyCaseAssignment({ tx, now, effects }, assignment);
  return { id: row!.id, number: row!.number, assignment };
}

async function lockedCase(db: DbOrTx, id: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).for("update");
  if (!row) throw new NotFound("caseNotFound");
  return row;
}

export async function updateCase({ tx, viewer, now, effects }: Work, input: UpdateCaseInput): Promise<CaseWriteResult> {
  const current = await lockedCase(tx, input.id);
  assertCanEditCase(viewer, current);
  if (input.clientId !== current.clientId) await assertClientExists(tx, input.clientId);
  // An owner who has since been deactivated stays until someone picks another.
  if (input.ownerId !== current.ownerId) await assertOwner(tx, input.ownerId);
  const { id, ...fields } = input;
  const next = { ...fields, dueAt: dueInstant(viewer, input.dueAt) };
  const entries = caseChanges(current, next);
  if (!entries.length) return { id, number: current.number, assignment: null };
  await tx
    .update(cases)
    .set({ ...next, updatedAt: now })
    .where(eq(cases.id, id));
  await recordCaseActivity(tx, id, viewer.id, entries, now);
  const assignment = caseAssignment(viewer, id, current.ownerId, input.ownerId);
  if (assignment) await notifyCaseAssignment({ tx, now, effects }, assignment);
  return { id, number: current.number, assignment };
}

/**
 * Hands a case to another active person. Whoever may edit the case may do it, and so may a holder
 * of a "may assign cases" right covering it (a dispatcher); both owners are told.
 */
export async function reassignCase({ tx, viewer, now, effects }: Work, input: ReassignCaseInput): Promise<CaseWriteResult & { clientId: string }> {
  const current = await lockedCase(tx, input.id);
  const [owner] = await tx.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, current.ownerId));
  assertCanReassignCase(viewer, { ...current, ownerDepartmentId: owner?.departmentId ?? null }, await caseAssignRightsOf(tx, viewer.id));
  if (input.ownerId === current.ownerId) throw new Invalid("crm.errors.sameOwner", { ownerId: ["crm.errors.sameOwner"] });
  await assertOwner(tx, input.ownerId);
  await tx.update(cases).set({ ownerId: input.ownerId, updatedAt: now }).where(eq(cases.id, input.id));
  await recordCaseActivity(tx, input.id, viewer.id, caseChanges(current, { ownerId: input.ownerId }), now);
  const assignment = caseAssignment(viewer, input.id, current.ownerId, input.ownerId);
  if (assignment) await notifyCaseAssignment({ tx, now, effects }, assignment);
  return { id: input.id, number: current.number, clientId: current.clientId, assignment };
}

export async function changeCaseStatus({ tx, viewer, now }: Work, input: ChangeCaseStatusInput): Promise<{ id: string; clientId: string }> {
  const current = await lockedCase(tx, input.id);
  assertCanEditCase(viewer, current);
  if (!isStatusAllowedForKind(current.kind, input.status)) {
    throw new Invalid("crm.errors.statusNotForKind", { status: ["crm.errors.statusNotForKind"] });
  }
  if (input.status === current.status) return { id: input.id, clientId: current.clientId };
  await tx.update(cases).set({ status: input.status, updatedAt: now }).where(eq(cases.id, input.id));
  await recordCaseActivity(tx, input.id, viewer.id, caseChanges(current, { status: input.status }), now);
  return { id: input.id, clientId: current.clientId };
}
