import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/pickers/resources/route";
import { resourceDepartments, resources, users } from "@/db/schema";
import type { PickerItem } from "@/lib/pickers/picker-item";
import { actAs } from "@/lib/testing/acting";
import { testDb } from "@/lib/testing/db";
import { makeDepartment, makeUser } from "@/lib/testing/factories";

async function ask(path: string): Promise<{ status: number; items: PickerItem[] }> {
  const response = await GET(new Request(`http://localhost${path}`));
  const body = response.status === 200 ? ((await response.json()) as { items: PickerItem[] }) : { items: [] };
  return { status: response.status, items: body.items };
}

describe("GET /api/pickers/resources (the entry form's rooms and equipment)", () => {
  it("offers only resources the viewer may book: not retired, their department's where only chosen ones may; admins every live one", async () => {
    const db = await testDb();
    const tag = randomUUID().slice(0, 6);
    const sales = await makeDepartment(db);
    const admin = await makeUser(db, { role: "admin" });
    const seller = await makeUser(db, { departmentId: sales.id });
    const other = await makeUser(db);
    const made = await db
      .insert(resources)
      .values([
        { name: `Sala ${tag} Open`, kind: "room", location: "Piętro 1" },
        { name: `Sala ${tag} Sales`, kind: "room", departmentsOnly: true },
        { name: `Sala ${tag} Retired`, kind: "room", retiredAt: new Date("2026-01-01T00:00Z") },
      ])
      .returning();
    const [open, salesOnly] = made;
    await db.insert(resourceDepartments).values({ resourceId: salesOnly!.id, departmentId: sales.id });
    const names = (items: PickerItem[]) => items.map((i) => i.label).sort();

    actAs(null);
    expect((await ask(`/api/pickers/resources?q=${tag}`)).status).toBe(401);

    actAs(other.viewer);
    const forOther = await ask(`/api/pickers/resources?q=${tag}`);
    expect(forOther.status).toBe(200);
    expect(forOther.items).toEqual([{ id: open!.id, label: `Sala ${tag} Open`, detail: "Piętro 1" }]);

    actAs(seller.viewer);
    expect(names((await ask(`/api/pickers/resources?q=${tag}`)).items)).toEqual([`Sala ${tag} Open`, `Sala ${tag} Sales`]);
    expect(names((await ask(`/api/pickers/resources?q=${tag}&exclude=${open!.id}`)).items)).toEqual([`Sala ${tag} Sales`]);
    expect((await ask(`/api/pickers/resources?exclude=not-an-id`)).status).toBe(400);

    // Leaving the department takes the right away.
    await db.update(users).set({ departmentId: null }).where(eq(users.id, seller.id));
    actAs({ ...seller.viewer, departmentId: null });
    expect(names((await ask(`/api/pickers/resources?q=${tag}`)).items)).toEqual([`Sala ${tag} Open`]);

    actAs(admin.viewer);
    expect(names((await ask(`/api/pickers/resources?q=${tag}`)).items)).toEqual([`Sala ${tag} Open`, `Sala ${tag} Sales`]);
  });
});
