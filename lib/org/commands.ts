import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { departments, teamMembers, teams, users } from "@/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/action/errors";
import { hashPassword } from "@/lib/auth/password";
import type { Work } from "@/lib/effects/unit";
import { assertPhoneFree, phoneConflictOr } from "./phone-verification";
import { assertCanManageOrganisation, assertNotLockingSelfOut, supervisorProblem } from "./policy";
import type { CreateUserInput, UpdateUserInput } from "./schema";
import { isUniqueViolation } from "./unique-violation";

/** Creates a user with an initial password; the admin hands it over, and the person replaces it at the first sign-in. */
export async function createUser({ tx, viewer, now }: Work, input: CreateUserInput): Promise<{ id: string }> {
  assertCanManageOrganisation(viewer);
  const passwordHash = await hashPassword(input.password);
  try {
    await assertEmailFree(tx, input.email);
    await assertReferencesExist(tx, input, null);
    if (input.active) await assertPhoneFree(tx, input.phone);
    const [row] = await tx
      .insert(users)
      .values({
        ...userColumns(input),
        passwordHash,
        // The admin typed it: the person chooses their own at the first sign-in.
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    await replaceTeams(tx, row!.id, input.teamIds);
    return { id: row!.id };
  } catch (error) {
    throw phoneConflictOr(emailConflictOr(error));
  }
}

/**
 * Saves an admin's edit of a user. Deactivating the user or resetting their password bumps
 * their session version, which signs them out everywhere.
 */
export async function updateUser({ tx, viewer, now }: Work, input: UpdateUserInput): Promise<{ id: string }> {
  assertCanManageOrganisation(viewer);
  assertNotLockingSelfOut(viewer, input.id, input);
  const passwordHash = input.newPassword ? await hashPassword(input.newPassword) : null;
  try {
    // Taken before any row lock: the supervisor's row is key-share locked by the update's
    // foreign-key check, so locking in the other order can deadlock two concurrent edits.
    if (input.supervisorId) await serialiseSupervisorChanges(tx);
    const [current] = await tx
      .select({ active: users.active, supervisorId: users.supervisorId, phone: users.phone })
      .from(users)
      .where(eq(users.id, input.id))
      .for("update");
    if (!current) throw new NotFound("notFound");
    await assertEmailFree(tx, input.email, input.id);
    if (input.supervisorId && input.supervisorId !== current.supervisorId) {
      await assertNoSupervisorLoop(tx, input.id, input.supervisorId);
    }
    await assertReferencesExist(tx, input, current.supervisorId);
    // The admin types a number; only its holder can verify it, so a changed number starts unverified.
    const phoneChanged = input.phone !== current.phone;
    if (input.active && (phoneChanged || !current.active)) await assertPhoneFree(tx, input.phone, input.id);
    const endsSessions = passwordHash !== null || (current.active && !input.active);
    await tx
      .update(users)
      .set({
        ...userColumns(input),
        updatedAt: now,
        // A password the admin typed for someone else must be replaced at their next sign-in.
        ...(passwordHash ? { passwordHash, mustChangePassword: input.id !== viewer.id } : {}),
        ...(phoneChanged ? { phoneVerifiedAt: null } : {}),
        ...(endsSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(eq(users.id, input.id));
    await replaceTeams(tx, input.id, input.teamIds);
    return { id: input.id };
  } catch (error) {
    throw phoneConflictOr(emailConflictOr(error));
  }
}

/** The columns an admin sets on the user form, shared by create and update. */
function userColumns(input: CreateUserInput | UpdateUserInput) {
  return {
    email: input.email,
    name: input.name,
    phone: input.phone,
    role: input.role,
    title: input.title,
    departmentId: input.departmentId,
    supervisorId: input.supervisorId,
    timeZone: input.timeZone,
    locale: input.locale,
    workingMode: input.workingMode,
    active: input.active,
  };
}

async function assertEmailFree(tx: Tx, email: string, exceptUserId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), exceptUserId ? ne(users.id, exceptUserId) : undefined));
  if (taken) throw new Conflict("emailTaken", { email: ["emailTaken"] });
}

/** Two admins saving the same new e-mail at once: the unique index decides, the loser sees the same message. */
function emailConflictOr(error: unknown): unknown {
  return isUniqueViolation(error, "users_email_key") ? new Conflict("emailTaken", { email: ["emailTaken"] }) : error;
}

async function assertReferencesExist(
  tx: Tx,
  input: { departmentId: string | null; teamIds: string[]; supervisorId: string | null },
  currentSupervisorId: string | null,
): Promise<void> {
  if (input.departmentId) {
    const [dept] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!dept) throw new Invalid("departmentNotFound", { departmentId: ["departmentNotFound"] });
  }
  const teamIds = [...new Set(input.teamIds)];
  if (teamIds.length) {
    const found = await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, teamIds));
    if (found.length !== teamIds.length) throw new Invalid("teamNotFound", { teamIds: ["teamNotFound"] });
  }
  // Keeping a supervisor who has since left is allowed; choosing one requires an active account.
  if (input.supervisorId && input.supervisorId !== currentSupervisorId) {
    const [sup] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.supervisorId), eq(users.active, true)));
    if (!sup) throw new Invalid("supervisorNotFound", { supervisorId: ["supervisorNotFound"] });
  }
}

/**
 * Two admins setting A→B and B→A at the same moment would each see no loop; with this lock the
 * second one waits and then, reading committed data, sees the first one's change.
 */
async function serialiseSupervisorChanges(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('baton.org.supervisors'))`);
}

/** Walks up from the proposed supervisor (call inside `serialiseSupervisorChanges`). */
async function assertNoSupervisorLoop(tx: Tx, userId: string, supervisorId: string): Promise<void> {
  // UNION (not UNION ALL) stops at a loop that might already exist in old data.
  const chain = await tx.select({ id: sql<string>`chain.id` }).from(sql`(
    WITH RECURSIVE chain AS (
      SELECT id, supervisor_id FROM ${users} WHERE id = ${supervisorId}
      UNION
      SELECT u.id, u.supervisor_id FROM ${users} u JOIN chain c ON u.id = c.supervisor_id
    )
    SELECT id FROM chain
  ) AS chain`);
  const problem = supervisorProblem(
    userId,
    supervisorId,
    chain.map((r) => r.id),
  );
  if (problem) throw new Invalid(problem, { supervisorId: [problem] });
}

async function replaceTeams(tx: Tx, userId: string, teamIds: string[]): Promise<void> {
  await tx.delete(teamMembers).where(eq(teamMembers.userId, userId));
  const unique = [...new Set(teamIds)];
  if (unique.length) await tx.insert(teamMembers).values(unique.map((teamId) => ({ teamId, userId })));
}
