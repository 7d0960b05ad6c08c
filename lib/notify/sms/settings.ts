import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { organizationSettings } from "@/db/schema";
import type { SmsOptions } from "./fit";

/** The organisation's SMS settings: whether Polish letters are transliterated (off until an admin says so). */
export async function smsOptions(db: DbOrTx): Promise<SmsOptions> {
  const [row] = await db.select({ gsm7: organizationSettings.smsGsm7 }).from(organizationSettings).where(eq(organizationSettings.id, 1));
  return { gsm7: row?.gsm7 ?? false };
}
