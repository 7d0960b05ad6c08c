import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { escalationPolicies, holidayOverrides, workSchedule } from "@/db/schema";
import { DEFAULT_HOLIDAYS, type HolidayCalendar, type HolidayCountry } from "./holidays";
import { DEFAULT_POLICY, type EscalationPolicy, type Priority } from "./timeline";
import { DEFAULT_SCHEDULE, type WorkSchedule } from "./working-time";

export interface EscalationSettings {
  policy: EscalationPolicy;
  schedule: WorkSchedule;
}

/**
 * The organisation's escalation policy and working week. Rows exist only once an admin saved
 * them; until then the product defaults apply (urgent 1 h, high 4 working hours, normal 1 and
 * low 3 working days; Monday to Friday 08:00–16:00 in Warsaw, Polish public holidays off). The
 * admins' added and removed days off apply either way.
 */
export async function escalationSettings(db: DbOrTx): Promise<EscalationSettings> {
  const [rules, [row], overrides] = await Promise.all([
    db.select().from(escalationPolicies),
    db.select().from(workSchedule).where(eq(workSchedule.id, 1)),
    db.select({ day: holidayOverrides.day, change: holidayOverrides.change }).from(holidayOverrides).orderBy(holidayOverrides.day),
  ]);
  const holidays: HolidayCalendar = {
    country: (row?.holidayCountry as HolidayCountry | undefined) ?? DEFAULT_HOLIDAYS.country,
    added: overrides.filter((o) => o.change === "added").map((o) => o.day),
    removed: overrides.filter((o) => o.change === "removed").map((o) => o.day),
  };
  const byPriority = { ...DEFAULT_POLICY.byPriority };
  for (const r of rules) byPriority[r.priority as Priority] = { delay: r.delay, unit: r.unit };
  if (!row) return { policy: { byPriority, secondLevel: DEFAULT_POLICY.secondLevel }, schedule: { ...DEFAULT_SCHEDULE, holidays } };
  return {
    policy: { byPriority, secondLevel: { enabled: row.secondLevelEnabled, delay: row.secondLevelDelay, unit: row.secondLevelUnit } },
    schedule: { timeZone: row.timeZone, workDays: row.workDays, dayStart: row.dayStart, dayEnd: row.dayEnd, holidays },
  };
}
