import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { taskSavedViews } from "@/db/schema";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";
import { deleteTaskViewAction, renameTaskViewAction, saveTaskViewAction, shareTaskViewAction } from "./view-actions";
import { viewsOfList } from "./views";

/** A sales department with its manager and a member, a service department with its own, and an admin. */
async function org() {
  const db = await testDb();
  const sales = await makeDepartment(db);
  const service = await makeDepartment(db);
  const manager = await makeUser(db, { role: "manager", departmentId: sales.id, name: "Kierownik sprzedaży" });
  const seller = await makeUser(db, { role: "member", departmentId: sales.id, name: "Handlowiec" });
  const seller2 = await makeUser(db, { role: "member", departmentId: sales.id, name: "Handlowiec Drugi" });
  const tech = await makeUser(db, { role: "member", departmentId: service.id, name: "Serwisant" });
  const serviceManager = await makeUser(db, { role: "manager", departmentId: service.id, name: "Kierownik serwisu" });
  const admin = await makeUser(db, { role: "admin", name: "Admin" });
  const people = [manager, seller, seller2, tech, serviceManager, admin].map((p) => p.id);
  return { db, people, sales, service, manager, seller, seller2, tech, serviceManager, admin };
}

/** The views of this test's people (the database is shared by the file's tests). */
async function rows(db: Db, people: string[]) {
  return db.select().from(taskSavedViews).where(inArray(taskSavedViews.ownerId, people)).orderBy(taskSavedViews.createdAt, taskSavedViews.name);
}

async function saved(name: string, query: string, list: "mine" | "delegated" | "team" = "delegated") {
  const result = await saveTaskViewAction({ list, name, query });
  if (!result.ok) throw new Error(result.error);
  return result.data.id;
}

describe("saving views", () => {
  it("keeps the filters and sort normalized as the list reads them, without the page", async () => {
    const { db, people, manager } = await org();
    actAs(manager.viewer);
    await saved("Pilne", "?priority=urgent&sort=title&page=3&status=active");
    // A hand-edited value falls back as the list does: a bad priority is no filter, an unknown sort the default.
    await saved("Zepsuty", "priority=asap&sort=nonsense&dir=up&person=nobody&junk=1&due=overdue");
    expect((await rows(db, people)).map((r) => [r.name, r.query])).toEqual([
      ["Pilne", "?priority=urgent&sort=title"],
      ["Zepsuty", "?due=overdue"],
    ]);
    // Read back, a value edited in the database falls back too.
    await db.update(taskSavedViews).set({ query: "?priority=urgent&status=whatever" }).where(eq(taskSavedViews.name, "Pilne"));
    const views = await viewsOfList(db, manager.viewer, "delegated");
    expect(views.own.map((v) => [v.name, v.query])).toEqual([
      ["Pilne", "?priority=urgent"],
      ["Zepsuty", "?due=overdue"],
    ]);
    expect(await viewsOfList(db, manager.viewer, "mine")).toEqual({ own: [], shared: [] });
  });

  it("answers bad input and a taken name clearly, and keeps nothing", async () => {
    const { db, people, manager } = await org();
    actAs(manager.viewer);
    await saved("Pilne", "?priority=urgent");
    expect(await saveTaskViewAction({ list: "delegated", name: "pilne", query: "" })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "You already have a view of this list with that name.",
    });
    expect(await saveTaskViewAction({ list: "delegated", name: "  ", query: "" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["This field is required."] },
    });
    expect(await saveTaskViewAction({ list: "delegated", name: "x".repeat(81), query: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await saveTaskViewAction({ list: "somebody's", name: "A", query: "" } as never)).toMatchObject({ ok: false, code: "invalid" });
    actAs(null);
    expect(await saveTaskViewAction({ list: "delegated", name: "A", query: "" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect((await rows(db, people)).map((r) => r.name)).toEqual(["Pilne"]);
  });
});

describe("changing views", () => {
  it("lets the owner rename and delete their view, and refuses anyone else as if it did not exist", async () => {
    const { db, people, manager, seller, admin } = await org();
    actAs(manager.viewer);
    const id = await saved("Pilne", "?priority=urgent");
    for (const other of [seller, admin]) {
      actAs(other.viewer);
      expect(await renameTaskViewAction({ viewId: id, name: "Moje" })).toMatchObject({ ok: false, code: "not_found", error: "View not found." });
      expect(await deleteTaskViewAction({ viewId: id })).toMatchObject({ ok: false, code: "not_found" });
      expect(await shareTaskViewAction({ viewId: id, departmentId: "" })).toMatchObject({ ok: false, code: "not_found" });
      expect(await viewsOfList(db, other.viewer, "delegated")).toEqual({ own: [], shared: [] });
    }
    expect((await rows(db, people)).map((r) => r.name)).toEqual(["Pilne"]);

    actAs(manager.viewer);
    expect(await renameTaskViewAction({ viewId: id, name: "Bardzo pilne" })).toEqual({ ok: true, data: { id, name: "Bardzo pilne" } });
    expect(await renameTaskViewAction({ viewId: "not-an-id", name: "X" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await deleteTaskViewAction({ viewId: id })).toEqual({ ok: true, data: { id } });
    expect(await rows(db, people)).toEqual([]);
  });
});

describe("sharing views", () => {
  it("shows a view shared with a department to its members, read-only, and to nobody else", async () => {
    const { db, people, sales, manager, seller, seller2, tech, serviceManager } = await org();
    actAs(manager.viewer);
    const id = await saved("Przeterminowane", "?due=overdue");
    const unshared = await saved("Tylko moje", "?priority=low");
    expect(await shareTaskViewAction({ viewId: id, departmentId: sales.id })).toEqual({ ok: true, data: { id, departmentId: sales.id } });

    for (const member of [seller, seller2]) {
      const views = await viewsOfList(db, member.viewer, "delegated");
      expect(views.own).toEqual([]);
      expect(views.shared).toEqual([
        {
          id,
          list: "delegated",
          name: "Przeterminowane",
          query: "?due=overdue",
          owner: { id: manager.id, name: manager.name },
          sharedWith: { id: sales.id, name: sales.name },
        },
      ]);
      // Only on the list it was saved for.
      expect((await viewsOfList(db, member.viewer, "mine")).shared).toEqual([]);
    }
    for (const outsider of [tech, serviceManager]) expect(await viewsOfList(db, outsider.viewer, "delegated")).toEqual({ own: [], shared: [] });

    // A member sees it but may not change it; the unshared one stays unknown to them.
    actAs(seller.viewer);
    expect(await renameTaskViewAction({ viewId: id, name: "Moje" })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "Only the person who saved this view can change it.",
    });
    expect(await deleteTaskViewAction({ viewId: id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await shareTaskViewAction({ viewId: id, departmentId: "" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteTaskViewAction({ viewId: unshared })).toMatchObject({ ok: false, code: "not_found" });
    expect((await rows(db, people)).map((r) => [r.name, r.sharedDepartmentId])).toEqual([
      ["Przeterminowane", sales.id],
      ["Tylko moje", null],
    ]);

    // Unsharing hides it again.
    actAs(manager.viewer);
    expect(await shareTaskViewAction({ viewId: id, departmentId: "" })).toMatchObject({ ok: true, data: { departmentId: null } });
    expect((await viewsOfList(db, seller.viewer, "delegated")).shared).toEqual([]);
  });

  it("lets a manager share only with the department he manages, an admin with any, and a member with none", async () => {
    const { db, people, sales, service, manager, seller, admin } = await org();
    actAs(manager.viewer);
    const id = await saved("Pilne", "?priority=urgent");
    expect(await shareTaskViewAction({ viewId: id, departmentId: service.id })).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "You can share views only with a department you manage.",
    });
    expect(await shareTaskViewAction({ viewId: id, departmentId: "6f1d1c7e-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await shareTaskViewAction({ viewId: id, departmentId: "nonsense" })).toMatchObject({ ok: false, code: "invalid" });

    actAs(seller.viewer);
    const own = await saved("Moje", "");
    expect(await shareTaskViewAction({ viewId: own, departmentId: sales.id })).toMatchObject({ ok: false, code: "forbidden" });

    actAs(admin.viewer);
    const adminView = await saved("Serwis", "?priority=high");
    expect(await shareTaskViewAction({ viewId: adminView, departmentId: service.id })).toMatchObject({ ok: true });
    expect((await rows(db, people)).map((r) => [r.name, r.sharedDepartmentId])).toEqual([
      ["Pilne", null],
      ["Moje", null],
      ["Serwis", service.id],
    ]);
  });
});
