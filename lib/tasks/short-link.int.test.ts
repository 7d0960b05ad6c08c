import { describe, expect, it } from "vitest";
import { testDb } from "@/lib/testing/db";
import { makeCase, makeClient } from "@/lib/testing/factories";
import { perform } from "@/lib/testing/perform";
import { makeTaskOrg, TASK_INPUT } from "@/lib/testing/task-org";
import { createTask } from "./commands";
import { resolveShortLink } from "./short-link";

const base = { ...TASK_INPUT, title: "Przegląd pieca" };

describe("short links (/t/N, /c/N)", () => {
  it("takes whoever may see the task to its page, and answers a stranger exactly as for a number nobody has", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const { id, number } = await perform(db, org.lead.viewer, createTask, { ...base, assigneeId: org.tech.id });
    for (const who of [org.lead, org.tech, org.manager, org.admin]) {
      expect(await resolveShortLink(db, who.viewer, "t", String(number)), who.name).toBe(`/tasks/${id}`);
    }
    const refused = await resolveShortLink(db, org.stranger.viewer, "t", String(number));
    const unknown = await resolveShortLink(db, org.stranger.viewer, "t", "2147483000");
    expect(refused).toBeNull();
    expect(refused).toEqual(unknown);
    expect(await resolveShortLink(db, org.tech2.viewer, "t", String(number))).toBeNull();
  });

  it("takes any signed-in person to a case, and refuses numbers that are not numbers", async () => {
    const db = await testDb();
    const org = await makeTaskOrg(db);
    const client = await makeClient(db);
    const kase = await makeCase(db, { ownerId: org.tech.id, clientId: client.id });
    expect(await resolveShortLink(db, org.stranger.viewer, "c", String(kase.number))).toBe(`/cases/${kase.id}`);
    for (const bad of ["0", "-1", "1e3", "18abc", "99999999999", "", "０"]) {
      expect(await resolveShortLink(db, org.lead.viewer, "t", bad), bad).toBeNull();
      expect(await resolveShortLink(db, org.lead.viewer, "c", bad), bad).toBeNull();
    }
  });
});
