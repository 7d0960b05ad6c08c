import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { departments, teamMembers, teams, users } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { createDepartmentAction, createTeamAction, deleteDepartmentAction, deleteTeamAction, renameDepartmentAction, renameTeamAction } from "./actions";

const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

async function makeTeam(db: Db, departmentId: string, name = uniqueName("Zespół")) {
  const [row] = await db.insert(teams).values({ departmentId, name }).returning();
  return row!;
}
const departmentNamed = (db: Db, name: string) => db.select().from(departments).where(eq(departments.name, name));
const departmentById = async (db: Db, id: string) => (await db.select().from(departments).where(eq(departments.id, id)))[0];
const teamById = async (db: Db, id: string) => (await db.select().from(teams).where(eq(teams.id, id)))[0];

describe("departments", () => {
  it("an admin creates, renames and deletes an empty department", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    actAs(admin.viewer);
    const name = uniqueName("Logistyka");
    const created = await createDepartmentAction({ name: `  ${name} ` });
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? created.data.id : "";
    expect((await departmentById(db, id))?.name).toBe(name);
    expect(await renameDepartmentAction({ id, name: `${name} i magazyn` })).toMatchObject({ ok: true });
    expect((await departmentById(db, id))?.name).toBe(`${name} i magazyn`);
    expect(await deleteDepartmentAction({ id })).toMatchObject({ ok: true });
    expect(await departmentById(db, id)).toBeUndefined();
  });

  it.each(["member", "manager"] as const)("a %s may not create, rename or delete one, and nothing changes", async (role) => {
    const db = await testDb();
    const other = await makeUser(db, { role });
    const dept = await makeDepartment(db);
    actAs(other.viewer);
    const name = uniqueName("Nielegalny");
    expect(await createDepartmentAction({ name })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await renameDepartmentAction({ id: dept.id, name })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteDepartmentAction({ id: dept.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await departmentNamed(db, name)).toEqual([]);
    expect(await departmentById(db, dept.id)).toEqual(dept);
  });

  it("refuses a name already taken, whatever its case, and an empty name", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const existing = await makeDepartment(db);
    const other = await makeDepartment(db);
    actAs(admin.viewer);
    expect(await createDepartmentAction({ name: existing.name.toUpperCase() })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { name: ["A department with this name already exists."] },
    });
    expect(await departmentNamed(db, existing.name.toUpperCase())).toEqual([]);
    expect(await renameDepartmentAction({ id: other.id, name: existing.name })).toMatchObject({ ok: false, code: "conflict" });
    expect(await renameDepartmentAction({ id: other.id, name: "   " })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["This field is required."] },
    });
    expect(await departmentById(db, other.id)).toEqual(other);
  });

  it("refuses to delete a department that still has people or teams", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const withPerson = await makeDepartment(db);
    await makeUser(db, { departmentId: withPerson.id, active: false });
    const withTeam = await makeDepartment(db);
    await makeTeam(db, withTeam.id);
    actAs(admin.viewer);
    for (const dept of [withPerson, withTeam]) {
      expect(await deleteDepartmentAction({ id: dept.id })).toMatchObject({ ok: false, code: "conflict", error: "The department still has users or teams." });
      expect(await departmentById(db, dept.id)).toEqual(dept);
    }
    expect(await deleteDepartmentAction({ id: randomUUID() })).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("teams", () => {
  it("an admin creates, renames and deletes a team; its members stay in their department", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const dept = await makeDepartment(db);
    const person = await makeUser(db, { departmentId: dept.id });
    actAs(admin.viewer);
    const created = await createTeamAction({ departmentId: dept.id, name: "Serwis nocny" });
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? created.data.id : "";
    await db.insert(teamMembers).values({ teamId: id, userId: person.id });
    expect(await renameTeamAction({ id, name: "Serwis całodobowy" })).toMatchObject({ ok: true });
    expect(await teamById(db, id)).toMatchObject({ name: "Serwis całodobowy", departmentId: dept.id });
    expect(await deleteTeamAction({ id })).toMatchObject({ ok: true });
    expect(await teamById(db, id)).toBeUndefined();
    expect(await db.select().from(teamMembers).where(eq(teamMembers.userId, person.id))).toEqual([]);
    const [still] = await db.select({ departmentId: users.departmentId }).from(users).where(eq(users.id, person.id));
    expect(still?.departmentId).toBe(dept.id);
  });

  it.each(["member", "manager"] as const)("a %s may not create, rename or delete one, and nothing changes", async (role) => {
    const db = await testDb();
    const other = await makeUser(db, { role });
    const dept = await makeDepartment(db);
    const team = await makeTeam(db, dept.id);
    actAs(other.viewer);
    expect(await createTeamAction({ departmentId: dept.id, name: "Mój zespół" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await renameTeamAction({ id: team.id, name: "Mój zespół" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteTeamAction({ id: team.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await db.select().from(teams).where(eq(teams.departmentId, dept.id))).toEqual([team]);
  });

  it("refuses a name taken in the same department, allows it in another, and refuses an unknown department", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const [one, two] = [await makeDepartment(db), await makeDepartment(db)];
    const team = await makeTeam(db, one.id, "Klienci kluczowi");
    actAs(admin.viewer);
    expect(await createTeamAction({ departmentId: one.id, name: "klienci KLUCZOWI" })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { name: ["This department already has a team with this name."] },
    });
    expect(await createTeamAction({ departmentId: two.id, name: "Klienci kluczowi" })).toMatchObject({ ok: true });
    expect(await createTeamAction({ departmentId: randomUUID(), name: "Sierota" })).toMatchObject({ ok: false, code: "not_found" });
    const other = await makeTeam(db, one.id, "Inny");
    expect(await renameTeamAction({ id: other.id, name: team.name })).toMatchObject({ ok: false, code: "conflict" });
    expect(await db.select().from(teams).where(eq(teams.departmentId, one.id))).toHaveLength(2);
    expect((await teamById(db, other.id))?.name).toBe("Inny");
  });
});
