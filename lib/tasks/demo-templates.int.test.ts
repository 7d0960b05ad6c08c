import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { taskChecklistItems, tasks, users } from "@/db/schema";
import { demoEmail, seedDemo } from "@/db/seed/demo";
import { loadViewer } from "@/lib/auth/viewer";
import { emptyDatabase } from "@/lib/testing/empty-database";
import { FACTORY_PASSWORD_HASH } from "@/lib/testing/factories";
import { templateDraft, templatesOf } from "./templates";

describe("the demo's templates", () => {
  it("keeps the service department's periodic service template, and the periodic service task starts from it", { timeout: 180_000 }, async () => {
    const handle = await emptyDatabase();
    try {
      const now = new Date("2027-03-03T10:00:00Z");
      await seedDemo(handle.db, FACTORY_PASSWORD_HASH, now);
      const [foremanRow] = await handle.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, demoEmail("foreman")));
      const foreman = (await loadViewer(handle.db, foremanRow!.id))!;
      const [template] = (await templatesOf(handle.db, foreman)).filter((t) => t.title === "Przegląd okresowy");
      expect(template).toMatchObject({ priority: "low", dueInWorkingDays: 5, canManage: true, department: { id: foreman.departmentId } });
      const [task] = await handle.db.select().from(tasks).where(eq(tasks.title, "Przegląd okresowy zmywarki tunelowej"));
      const items = await handle.db
        .select({ text: taskChecklistItems.text })
        .from(taskChecklistItems)
        .where(eq(taskChecklistItems.taskId, task!.id))
        .orderBy(asc(taskChecklistItems.position));
      expect(items.map((i) => i.text)).toEqual(template!.checklist);
      expect(task!.description).toBe(template!.description);
      // Wednesday 3 March 2027 + 5 working days: Wednesday 10 March, at closing time in Warsaw.
      expect((await templateDraft(handle.db, foreman, template!.id, now)).dueAt).toBe("2027-03-10T16:00");
    } finally {
      await handle.close();
    }
  });
});
