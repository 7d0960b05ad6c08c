import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { teamMembers, teams, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { createUserAction, updateUserAction } from "./actions";

async function makeTeam(db: Db, departmentId: string, name = `Zespół ${randomUUID().slice(0, 8)}`) {
  const [row] = await db.insert(teams).values({ departmentId, name }).returning();
  return row!;
}

function newUserInput(overrides: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Anna Nowa ${id}`,
    email: `Anna.Nowa.${id}@Polmet.Example`,
    phone: "601 234 567",
    role: "member" as const,
    title: "Handlowiec",
    departmentId: "",
    teamIds: [] as string[],
    supervisorId: "",
    timeZone: "Europe/Warsaw",
    locale: "pl" as const,
    workingMode: "field" as const,
    active: true,
    password: "initial password 1",
    ...overrides,
  };
}

async function userRow(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

async function byEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email.toLowerCase()));
}

async function editInput(db: Db, id: string, overrides: Record<string, unknown> = {}) {
  const row = await userRow(db, id);
  const memberships = await db.select().from(teamMembers).where(eq(teamMembers.userId, id));
  return {
    id,
    name: row.name,
    email: row.email,
    phone: row.phone ?? "",
    role: row.role,
    title: row.title ?? "",
    departmentId: row.departmentId ?? "",
    teamIds: memberships.map((m) => m.teamId),
    supervisorId: row.supervisorId ?? "",
    timeZone: row.timeZone,
    locale: row.locale,
    workingMode: row.workingMode,
    active: row.active,
    newPassword: "",
    ...overrides,
  };
}

describe("creating users", () => {
  it("an admin creates a user with normalised e-mail and phone, teams, supervisor and a working password", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const boss = await makeUser(db, { role: "manager" });
    const dept = await makeDepartment(db);
    const [teamA, teamB] = [await makeTeam(db, dept.id), await makeTeam(db, dept.id)];
    actAs(admin.viewer);
    const input = newUserInput({ departmentId: dept.id, teamIds: [teamA.id, teamB.id], supervisorId: boss.id, timeZone: "Europe/Berlin", locale: "en" });
    const r = await createUserAction(input);
    expect(r).toMatchObject({ ok: true });
    const id = r.ok ? r.data.id : "";
    const row = await userRow(db, id);
    expect(row).toMatchObject({
      email: input.email.toLowerCase(),
      name: input.name,
      phone: "+48601234567",
      role: "member",
      title: "Handlowiec",
      departmentId: dept.id,
      supervisorId: boss.id,
      timeZone: "Europe/Berlin",
      locale: "en",
      workingMode: "field",
      active: true,
    });
    expect(await verifyPassword(row.passwordHash, "initial password 1")).toBe(true);
    const memberships = await db.select().from(teamMembers).where(eq(teamMembers.userId, id));
    expect(memberships.map((m) => m.teamId).sort()).toEqual([teamA.id, teamB.id].sort());
  });

  it.each(["member", "manager"] as const)("a %s is refused and nothing is written", async (role) => {
    const db = await testDb();
    const other = await makeUser(db, { role });
    actAs(other.viewer);
    const input = newUserInput();
    const r = await createUserAction(input);
    expect(r).toMatchObject({ ok: false, code: "forbidden", error: "Only an administrator can do this." });
    expect(await byEmail(db, input.email)).toEqual([]);
  });

  it("refuses a signed-out caller", async () => {
    actAs(null);
    const input = newUserInput();
    expect(await createUserAction(input)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await byEmail(await testDb(), input.email)).toEqual([]);
  });

  it("refuses an e-mail already in use, whatever its case, and writes nothing", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const existing = await makeUser(db);
    actAs(admin.viewer);
    const r = await createUserAction(newUserInput({ email: existing.email.toUpperCase(), name: "Duplikat" }));
    expect(r).toMatchObject({ ok: false, code: "conflict", fieldErrors: { email: ["A user with this e-mail already exists."] } });
    expect(await byEmail(db, existing.email)).toHaveLength(1);
    expect((await byEmail(db, existing.email))[0]!.name).toBe(existing.name);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    actAs(admin.viewer);
    const input = newUserInput({ phone: "12", timeZone: "Europe/Atlantis", password: "short", role: "owner" });
    const r = await createUserAction(input);
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(r.ok ? {} : Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["password", "phone", "role", "timeZone"]);
    expect(r.ok ? [] : r.fieldErrors?.phone).toEqual(["Enter the number in international format, e.g. +48 601 234 567."]);
    expect(await byEmail(db, input.email)).toEqual([]);
  });

  it("refuses a department, team or supervisor that does not exist or has left", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const gone = await makeUser(db, { active: false });
    actAs(admin.viewer);
    const cases = [
      [{ departmentId: randomUUID() }, "departmentId"],
      [{ teamIds: [randomUUID()] }, "teamIds"],
      [{ supervisorId: gone.id }, "supervisorId"],
    ] as const;
    for (const [overrides, field] of cases) {
      const input = newUserInput(overrides);
      const r = await createUserAction(input);
      expect(r).toMatchObject({ ok: false, code: "invalid" });
      expect(r.ok ? [] : Object.keys(r.fieldErrors ?? {})).toEqual([field]);
      expect(await byEmail(db, input.email)).toEqual([]);
    }
  });
});

describe("editing users", () => {
  it("an admin changes a user's details and teams without ending their sessions", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const dept = await makeDepartment(db);
    const [keep, drop, add] = [await makeTeam(db, dept.id), await makeTeam(db, dept.id), await makeTeam(db, dept.id)];
    const user = await makeUser(db, { departmentId: dept.id });
    await db.insert(teamMembers).values([
      { teamId: keep.id, userId: user.id },
      { teamId: drop.id, userId: user.id },
    ]);
    actAs(admin.viewer);
    const r = await updateUserAction(
      await editInput(db, user.id, { name: "Nowe Nazwisko", role: "manager", phone: "+49 151 12345678", teamIds: [keep.id, add.id], workingMode: "remote" }),
    );
    expect(r).toMatchObject({ ok: true });
    expect(await userRow(db, user.id)).toMatchObject({
      name: "Nowe Nazwisko",
      role: "manager",
      phone: "+4915112345678",
      workingMode: "remote",
      sessionVersion: 0,
    });
    const memberships = await db.select().from(teamMembers).where(eq(teamMembers.userId, user.id));
    expect(memberships.map((m) => m.teamId).sort()).toEqual([keep.id, add.id].sort());
  });

  it.each(["member", "manager"] as const)("a %s is refused and the user is unchanged", async (role) => {
    const db = await testDb();
    const other = await makeUser(db, { role });
    const target = await makeUser(db);
    actAs(other.viewer);
    const before = await userRow(db, target.id);
    const r = await updateUserAction(await editInput(db, target.id, { name: "Przejęte", role: "admin", active: false, newPassword: "hijacked password" }));
    expect(r).toMatchObject({ ok: false, code: "forbidden" });
    expect(await userRow(db, target.id)).toEqual(before);
  });

  it("a manager cannot make themself an admin", async () => {
    const db = await testDb();
    const manager = await makeUser(db, { role: "manager" });
    actAs(manager.viewer);
    expect(await updateUserAction(await editInput(db, manager.id, { role: "admin" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect((await userRow(db, manager.id)).role).toBe("manager");
  });

  it("deactivating a user or resetting their password ends their sessions; the new password works", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const user = await makeUser(db);
    actAs(admin.viewer);
    expect(await updateUserAction(await editInput(db, user.id, { newPassword: "brand new password" }))).toMatchObject({ ok: true });
    const afterReset = await userRow(db, user.id);
    expect(afterReset.sessionVersion).toBe(1);
    expect(await verifyPassword(afterReset.passwordHash, "brand new password")).toBe(true);

    expect(await updateUserAction(await editInput(db, user.id, { active: false }))).toMatchObject({ ok: true });
    expect(await userRow(db, user.id)).toMatchObject({ active: false, sessionVersion: 2 });
    // Saving an inactive user again is not another sign-out.
    expect(await updateUserAction(await editInput(db, user.id, { title: "Były pracownik" }))).toMatchObject({ ok: true });
    expect(await userRow(db, user.id)).toMatchObject({ active: false, sessionVersion: 2, title: "Były pracownik" });
  });

  it("a password the admin typed must be replaced at the first sign-in: new accounts and resets are flagged, nothing else", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    actAs(admin.viewer);
    const created = await createUserAction(newUserInput());
    if (!created.ok) throw new Error(created.error);
    expect((await userRow(db, created.data.id)).mustChangePassword).toBe(true);

    const user = await makeUser(db);
    expect(await updateUserAction(await editInput(db, user.id, { title: "Kierowca" }))).toMatchObject({ ok: true });
    expect((await userRow(db, user.id)).mustChangePassword).toBe(false);
    expect(await updateUserAction(await editInput(db, user.id, { newPassword: "typed by the admin" }))).toMatchObject({ ok: true });
    expect((await userRow(db, user.id)).mustChangePassword).toBe(true);
    // An admin setting their own password on the user form chose it themself.
    expect(await updateUserAction(await editInput(db, admin.id, { newPassword: "my own new password" }))).toMatchObject({ ok: true });
    expect((await userRow(db, admin.id)).mustChangePassword).toBe(false);
  });

  it("an admin cannot deactivate or demote themself", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    actAs(admin.viewer);
    const before = await userRow(db, admin.id);
    expect(await updateUserAction(await editInput(db, admin.id, { active: false }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { active: ["You cannot deactivate your own account."] },
    });
    expect(await updateUserAction(await editInput(db, admin.id, { role: "member" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { role: ["You cannot remove your own administrator role."] },
    });
    expect(await userRow(db, admin.id)).toEqual(before);
  });

  it("refuses a user as their own supervisor, directly or through a loop", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const top = await makeUser(db);
    const middle = await makeUser(db, { supervisorId: top.id });
    const bottom = await makeUser(db, { supervisorId: middle.id });
    actAs(admin.viewer);
    expect(await updateUserAction(await editInput(db, top.id, { supervisorId: top.id }))).toMatchObject({
      ok: false,
      fieldErrors: { supervisorId: ["A user cannot be their own supervisor."] },
    });
    expect(await updateUserAction(await editInput(db, top.id, { supervisorId: bottom.id }))).toMatchObject({
      ok: false,
      fieldErrors: { supervisorId: ["This choice would create a loop of supervisors."] },
    });
    expect((await userRow(db, top.id)).supervisorId).toBeNull();
    // Moving the bottom person under the top one directly is fine.
    expect(await updateUserAction(await editInput(db, bottom.id, { supervisorId: top.id }))).toMatchObject({ ok: true });
    expect((await userRow(db, bottom.id)).supervisorId).toBe(top.id);
  });

  it("of two admins making two people each other's supervisor at once, one is refused", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const a = await makeUser(db);
    const b = await makeUser(db);
    actAs(admin.viewer);
    const aUnderB = await editInput(db, a.id, { supervisorId: b.id });
    const bUnderA = await editInput(db, b.id, { supervisorId: a.id });
    const [first, second] = await Promise.all([updateUserAction(aUnderB), updateUserAction(bUnderA)]);
    expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
    expect([first, second].find((r) => !r.ok)).toMatchObject({
      code: "invalid",
      fieldErrors: { supervisorId: ["This choice would create a loop of supervisors."] },
    });
    const rows = [await userRow(db, a.id), await userRow(db, b.id)];
    expect(rows.filter((r) => r.supervisorId !== null)).toHaveLength(1);
  });

  it("keeps a supervisor who has since left, but will not newly choose one", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const left = await makeUser(db, { active: false });
    const user = await makeUser(db, { supervisorId: left.id });
    const other = await makeUser(db);
    actAs(admin.viewer);
    expect(await updateUserAction(await editInput(db, user.id, { title: "Specjalista" }))).toMatchObject({ ok: true });
    expect(await updateUserAction(await editInput(db, other.id, { supervisorId: left.id }))).toMatchObject({
      ok: false,
      fieldErrors: { supervisorId: expect.any(Array) },
    });
    expect((await userRow(db, other.id)).supervisorId).toBeNull();
  });

  it("refuses another user's e-mail and an unknown user id", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const a = await makeUser(db);
    const b = await makeUser(db);
    actAs(admin.viewer);
    expect(await updateUserAction(await editInput(db, a.id, { email: b.email.toUpperCase() }))).toMatchObject({ ok: false, code: "conflict" });
    expect((await userRow(db, a.id)).email).toBe(a.email);
    expect(await updateUserAction({ ...(await editInput(db, a.id)), id: randomUUID() })).toMatchObject({ ok: false, code: "not_found" });
  });
});
