import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { PASSWORD_CHANGE_RULE } from "@/lib/auth/throttle";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { FACTORY_PASSWORD, makeDepartment, makeUser } from "@/lib/testing/factories";
import { changePasswordAction, updateProfileAction } from "./actions";

async function userRow(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

const profile = { name: "Katarzyna Nowa", phone: "602 200 120", timeZone: "America/New_York", locale: "en", workingMode: "remote" } as const;

describe("own profile", () => {
  it("a person changes their own name, phone, time zone, language and working mode", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    actAs(me.viewer);
    expect(await updateProfileAction(profile)).toMatchObject({ ok: true, data: { locale: "en" } });
    expect(await userRow(db, me.id)).toMatchObject({
      name: "Katarzyna Nowa",
      phone: "+48602200120",
      timeZone: "America/New_York",
      locale: "en",
      workingMode: "remote",
    });
  });

  it("cannot change role, department, supervisor, status or e-mail, nor anyone else's profile", async () => {
    const db = await testDb();
    const dept = await makeDepartment(db);
    const someoneElse = await makeUser(db);
    const me = await makeUser(db, { departmentId: dept.id, supervisorId: someoneElse.id });
    const before = await userRow(db, me.id);
    const othersBefore = await userRow(db, someoneElse.id);
    actAs(me.viewer);
    const sneaky = {
      ...profile,
      id: someoneElse.id,
      role: "admin",
      departmentId: null,
      supervisorId: null,
      active: false,
      email: "boss@test.example",
      sessionVersion: 9,
    };
    expect(await updateProfileAction(sneaky as typeof profile)).toMatchObject({ ok: true });
    const after = await userRow(db, me.id);
    expect(after).toMatchObject({
      role: before.role,
      departmentId: dept.id,
      supervisorId: someoneElse.id,
      active: true,
      email: before.email,
      sessionVersion: 0,
    });
    expect(await userRow(db, someoneElse.id)).toEqual(othersBefore);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const before = await userRow(db, me.id);
    actAs(me.viewer);
    const r = await updateProfileAction({ ...profile, name: "", phone: "555", timeZone: "Moon/Base", workingMode: "sleeping" as "away" });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(r.ok ? [] : Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["name", "phone", "timeZone", "workingMode"]);
    expect(await userRow(db, me.id)).toEqual(before);
  });

  it("refuses a signed-out caller", async () => {
    actAs(null);
    expect(await updateProfileAction(profile)).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("own password", () => {
  const change = { currentPassword: FACTORY_PASSWORD, newPassword: "a much better one", confirmPassword: "a much better one" };

  it("changes it after checking the current one, and ends every session", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    actAs(me.viewer);
    expect(await changePasswordAction(change)).toMatchObject({ ok: true });
    const row = await userRow(db, me.id);
    expect(row.sessionVersion).toBe(1);
    expect(await verifyPassword(row.passwordHash, "a much better one")).toBe(true);
  });

  it("refuses a wrong current password without changing anything, and stops guessing", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const before = await userRow(db, me.id);
    actAs(me.viewer);
    const wrong = { ...change, currentPassword: "not my password" };
    expect(await changePasswordAction(wrong)).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: ["The current password is not correct."] },
    });
    for (let i = 1; i < PASSWORD_CHANGE_RULE.maxAttempts; i++) await changePasswordAction(wrong);
    expect(await changePasswordAction(change)).toMatchObject({ ok: false, code: "conflict" });
    expect(await userRow(db, me.id)).toEqual(before);
  });

  it("only ever changes the caller's own password", async () => {
    const db = await testDb();
    const victim = await makeUser(db);
    const me = await makeUser(db, { role: "admin" });
    const victimBefore = await userRow(db, victim.id);
    actAs(me.viewer);
    expect(await changePasswordAction({ ...change, id: victim.id } as typeof change)).toMatchObject({ ok: true });
    expect(await userRow(db, victim.id)).toEqual(victimBefore);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const db = await testDb();
    const me = await makeUser(db);
    const before = await userRow(db, me.id);
    actAs(me.viewer);
    const r = await changePasswordAction({ currentPassword: "", newPassword: "short", confirmPassword: "other" });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(r.ok ? [] : Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["confirmPassword", "currentPassword", "newPassword"]);
    expect(await userRow(db, me.id)).toEqual(before);
    actAs(null);
    expect(await changePasswordAction(change)).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
