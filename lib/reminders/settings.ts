import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { escalationPolicies, workSchedule } from "@/db/schema";
import { DEFAULT_POLICY, type EscalationPolicy, type Priority } from "./timeline";
import { DEFAULT_SCHEDULE, type WorkSchedule } from "./working-time";

export interface EscalationSettings {
  policy: EscalationPolicy;
  schedule: WorkSchedule;
}

/**
 * The organisation's escalation policy and working week. Rows exist only once an admin saved
 * them; until then the product defaults apply (urgent 1 h, high 4 working hours, normal 1 and
 * low 3 working days; Monday to Friday 08:00–16:00 in Warsaw).
 */
export async function escalationSettings(db: DbOrTx): Promise<EscalationSettings> {
  const [rules, [row]] = await Promise.all([db.select().from(escalationPolicies), db.select().from(workSchedule).where(eq(workSchedule.id, 1))]);
  const byPriority = { ...DEFAULT_POLICY.byPriority };
  for (const r of rules) byPriority[r.priority as Priority] = { delay: r.delay, unit: r.unit };
  if (!row) return { policy: { byPriority, secondLevel: DEFAULT_POLICY.secondLevel }, schedule: DEFAULT_SCHEDULE };
  return {
    policy: { byPriority, secondLevel: { enabled: row.secondLevelEnabled, delay: row.secondLevelDelay, unit: row.secondLevelUnit } },
    schedule: { timeZone: row.timeZone, workDays: row.workDays, dayStart: row.dayStart, dayEnd: row.dayEnd },
  };
}
