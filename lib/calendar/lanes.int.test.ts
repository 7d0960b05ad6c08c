import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarGroups, calendarPeopleChoices, teamMembers, teams, users } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { deleteCalendarGroupAction, rememberPeopleChoiceAction, saveCalendarGroupAction } from "./actions";
import { lanesSetupOf, rememberedPeopleOf } from "./lanes";

async function choiceRow(userId: string) {
  const db = await testDb();
  const [row] = await db.select().from(calendarPeopleChoices).where(eq(calendarPeopleChoices.userId, userId));
  return row ?? null;
}

describe("people side by side: the remembered choice", () => {
  it("shows the viewer alone before a first choice, then the people chosen, in their order", async () => {
    const db = await testDb();
    const me = await makeUser(db, { name: "Anna Lane" });
    const a = await makeUser(db, { name: "Zofia Lane" });
    const b = await makeUser(db, { name: "Bartek Lane" });

    expect((await lanesSetupOf(db, me.viewer)).chosen).toEqual([{ id: me.id, name: "Anna Lane" }]);

    actAs(me.viewer);
    expect(await rememberPeopleChoiceAction({ memberIds: [a.id, b.id, a.id] })).toMatchObject({ ok: true });
    expect((await choiceRow(me.id))?.memberIds).toEqual([a.id, b.id]);
    expect((await lanesSetupOf(db, me.viewer)).chosen.map((p) => p.name)).toEqual(["Zofia Lane", "Bartek Lane"]);

    // A colleague deactivated since drops out of the lanes.
    await db.update(users).set({ active: false }).where(eq(users.id, a.id));
    expect((await lanesSetupOf(db, me.viewer)).chosen.map((p) => p.id)).toEqual([b.id]);
  });

  it("refuses unknown or inactive people and too many, and writes nothing", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const gone = await makeUser(db, { active: false });
    actAs(me.viewer);
    expect(await rememberPeopleChoiceAction({ memberIds: [gone.id] })).toMatchObject({ ok: false });
    expect(await rememberPeopleChoiceAction({ memberIds: ["00000000-0000-4000-8000-000000000000"] })).toMatchObject({ ok: false });
    expect(await rememberPeopleChoiceAction({ memberIds: ["not-an-id"] })).toMatchObject({ ok: false });
    const many = Array.from({ length: 61 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect(await rememberPeopleChoiceAction({ memberIds: many })).toMatchObject({ ok: false });
    expect(await choiceRow(me.id)).toBeNull();
  });

  it("is each person's own: another's choice neither shows nor changes", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const stranger = await makeUser(db);
    const colleague = await makeUser(db);

    actAs(owner.viewer);
    expect(await rememberPeopleChoiceAction({ memberIds: [colleague.id] })).toMatchObject({ ok: true });

    actAs(stranger.viewer);
    expect(await rememberPeopleChoiceAction({ memberIds: [stranger.id] })).toMatchObject({ ok: true });
    expect(await rememberedPeopleOf(db, stranger.viewer)).toEqual([stranger.id]);
    expect((await lanesSetupOf(db, stranger.viewer)).chosen.map((p) => p.id)).toEqual([stranger.id]);
    expect((await choiceRow(owner.id))?.memberIds).toEqual([colleague.id]);

    actAs(null);
    expect(await rememberPeopleChoiceAction({ memberIds: [] })).toMatchObject({ ok: false });
    expect((await choiceRow(owner.id))?.memberIds).toEqual([colleague.id]);
  });
});

describe("people side by side: groups, teams and departments", () => {
  it("lists only the viewer's saved groups, and a stranger cannot delete one", async () => {
    const db = await testDb();
    const owner = await makeUser(db);
    const stranger = await makeUser(db);
    const tech = await makeUser(db, { name: "Technik Jeden" });

    actAs(owner.viewer);
    const saved = await saveCalendarGroupAction({ name: "Serwis – technicy", memberIds: [tech.id] });
    if (!saved.ok) throw new Error(saved.error);

    expect((await lanesSetupOf(db, owner.viewer)).groups).toEqual([
      { id: saved.data.id, name: "Serwis – technicy", people: [{ id: tech.id, name: "Technik Jeden" }] },
    ]);
    expect((await lanesSetupOf(db, stranger.viewer)).groups).toEqual([]);

    actAs(stranger.viewer);
    expect(await deleteCalendarGroupAction({ id: saved.data.id })).toMatchObject({ ok: false });
    expect(await db.select().from(calendarGroups).where(eq(calendarGroups.id, saved.data.id))).toHaveLength(1);

    actAs(owner.viewer);
    expect(await deleteCalendarGroupAction({ id: saved.data.id })).toMatchObject({ ok: true });
    expect(await db.select().from(calendarGroups).where(eq(calendarGroups.id, saved.data.id))).toHaveLength(0);
  });

  it("offers each team and department with its active people, to take in one click", async () => {
    const db = await testDb();
    const department = await makeDepartment(db);
    const viewer = await makeUser(db);
    const kasia = await makeUser(db, { name: "Katarzyna Team", departmentId: department.id });
    const adam = await makeUser(db, { name: "Adam Team", departmentId: department.id });
    const left = await makeUser(db, { name: "Odszedł Team", departmentId: department.id, active: false });
    const [team] = await db.insert(teams).values({ name: "Serwis Północ", departmentId: department.id }).returning();
    await db.insert(teamMembers).values([kasia, adam, left].map((u) => ({ teamId: team!.id, userId: u.id })));

    const setup = await lanesSetupOf(db, viewer.viewer);
    expect(setup.teams.find((t) => t.id === team!.id)).toEqual({
      id: team!.id,
      name: "Serwis Północ",
      departmentName: department.name,
      people: [
        { id: adam.id, name: "Adam Team" },
        { id: kasia.id, name: "Katarzyna Team" },
      ],
    });
    expect(setup.departments.find((d) => d.id === department.id)?.people.map((p) => p.name)).toEqual(["Adam Team", "Katarzyna Team"]);
  });
});
