import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { teamMembers, teams } from "@/db/schema";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { activeUserOptions, listUsers, organisationTree, ownProfile, userForEdit } from "./queries";

async function makeTeam(db: Db, departmentId: string, name = `Zespół ${randomUUID().slice(0, 8)}`) {
  const [row] = await db.insert(teams).values({ departmentId, name }).returning();
  return row!;
}

describe("the user list", () => {
  it("searches name and e-mail, filters by department, role and status, and shows teams and supervisor", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const tag = randomUUID().slice(0, 8);
    const dept = await makeDepartment(db);
    const team = await makeTeam(db, dept.id, "Serwis Północ");
    const boss = await makeUser(db, { name: `Szef ${tag}`, role: "manager", departmentId: dept.id });
    const field = await makeUser(db, { name: `Łukasz ${tag}`, departmentId: dept.id, supervisorId: boss.id, workingMode: "field" });
    const gone = await makeUser(db, { name: `Były ${tag}`, active: false, departmentId: dept.id });
    const mailTag = randomUUID().slice(0, 8);
    const elsewhere = await makeUser(db, { email: `zdalny-${mailTag}@test.example`, name: "Ktoś Inny" });
    await db.insert(teamMembers).values({ teamId: team.id, userId: field.id });

    const byName = await listUsers(db, admin.viewer, { q: tag });
    expect(byName.rows.map((r) => r.id).sort()).toEqual([boss.id, field.id, gone.id].sort());
    expect(byName.rows.find((r) => r.id === field.id)).toMatchObject({
      departmentName: dept.name,
      supervisorName: boss.name,
      teams: ["Serwis Północ"],
      workingMode: "field",
      active: true,
    });
    expect((await listUsers(db, admin.viewer, { q: `ZDALNY-${mailTag}` })).rows.map((r) => r.id)).toEqual([elsewhere.id]);
    expect((await listUsers(db, admin.viewer, { q: tag, role: "manager" })).rows.map((r) => r.id)).toEqual([boss.id]);
    expect((await listUsers(db, admin.viewer, { q: tag, active: "inactive" })).rows.map((r) => r.id)).toEqual([gone.id]);
    expect((await listUsers(db, admin.viewer, { departmentId: dept.id, active: "active" })).rows.map((r) => r.id).sort()).toEqual([boss.id, field.id].sort());
    // Wildcards typed into the search box are plain characters.
    expect((await listUsers(db, admin.viewer, { q: `%${tag}` })).rows).toEqual([]);
  });

  it.each(["member", "manager"] as const)("is refused to a %s, as is a user's edit view", async (role) => {
    const db = await testDb();
    const other = await makeUser(db, { role });
    await expect(listUsers(db, other.viewer, {})).rejects.toThrow("adminOnly");
    await expect(userForEdit(db, other.viewer, other.id)).rejects.toThrow("adminOnly");
  });
});

describe("a user's edit view", () => {
  it("lists the people who report to them and their teams", async () => {
    const db = await testDb();
    const admin = await makeUser(db, { role: "admin" });
    const dept = await makeDepartment(db);
    const team = await makeTeam(db, dept.id);
    const boss = await makeUser(db, { role: "manager" });
    await db.insert(teamMembers).values({ teamId: team.id, userId: boss.id });
    const a = await makeUser(db, { supervisorId: boss.id, name: "Zenon Ostatni" });
    const b = await makeUser(db, { supervisorId: boss.id, name: "Adam Pierwszy", active: false });
    await makeUser(db, { supervisorId: a.id });
    const view = await userForEdit(db, admin.viewer, boss.id);
    expect(view.teamIds).toEqual([team.id]);
    expect(view.directReports.map((r) => r.id)).toEqual([b.id, a.id]);
    await expect(userForEdit(db, admin.viewer, randomUUID())).rejects.toThrow("notFound");
  });
});

describe("organisation tree and pickers", () => {
  it("counts people per department (inactive too) and members per team", async () => {
    const db = await testDb();
    const viewer = (await makeUser(db)).viewer;
    const dept = await makeDepartment(db);
    const [t1, t2] = [await makeTeam(db, dept.id, "B zespół"), await makeTeam(db, dept.id, "A zespół")];
    const u1 = await makeUser(db, { departmentId: dept.id });
    await makeUser(db, { departmentId: dept.id, active: false });
    await db.insert(teamMembers).values({ teamId: t1.id, userId: u1.id });
    const tree = await organisationTree(db, viewer);
    expect(tree.find((d) => d.id === dept.id)).toEqual({
      id: dept.id,
      name: dept.name,
      userCount: 2,
      teams: [
        { id: t2.id, name: "A zespół", memberCount: 0 },
        { id: t1.id, name: "B zespół", memberCount: 1 },
      ],
    });
  });

  it("offers only active people to pick", async () => {
    const db = await testDb();
    const viewer = (await makeUser(db)).viewer;
    const active = await makeUser(db);
    const inactive = await makeUser(db, { active: false });
    const ids = (await activeUserOptions(db, viewer)).map((o) => o.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(inactive.id);
  });

  it("shows a person their own profile with department, supervisor and teams", async () => {
    const db = await testDb();
    const dept = await makeDepartment(db);
    const team = await makeTeam(db, dept.id, "Biuro");
    const boss = await makeUser(db, { name: "Krzysztof Szef" });
    const me = await makeUser(db, { departmentId: dept.id, supervisorId: boss.id, phone: "+48601100200", title: "Recepcja" });
    await db.insert(teamMembers).values({ teamId: team.id, userId: me.id });
    expect(await ownProfile(db, me.viewer)).toMatchObject({
      email: me.email,
      phone: "+48601100200",
      title: "Recepcja",
      departmentName: dept.name,
      supervisorName: "Krzysztof Szef",
      teams: ["Biuro"],
    });
  });
});
