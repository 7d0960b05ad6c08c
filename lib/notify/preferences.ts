import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { notificationPreferences, pushSubscriptions } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { organizationMatrix } from "./plan";
import { mergeMatrix, type ChannelMatrix, type WorkingMode } from "./routing";

export interface PreferencesView {
  workingMode: WorkingMode;
  matrix: ChannelMatrix;
  quietHours: { start: string; end: string } | null;
}

/** The viewer's effective routing: the organisation's defaults with their own choices on top. */
export async function preferencesOf(db: Db, viewer: Viewer): Promise<PreferencesView> {
  const [row] = await db
    .select({
      mode: users.workingMode,
      matrix: notificationPreferences.matrix,
      quietStart: notificationPreferences.quietStart,
      quietEnd: notificationPreferences.quietEnd,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, viewer.id));
  const base = await organizationMatrix(db);
  return {
    workingMode: row?.mode ?? viewer.workingMode,
    matrix: row?.matrix ? mergeMatrix(base, row.matrix as Parameters<typeof mergeMatrix>[1]) : base,
    quietHours: row?.quietStart && row.quietEnd ? { start: row.quietStart, end: row.quietEnd } : null,
  };
}

export async function pushDevicesOf(db: Db, viewer: Viewer) {
  return db
    .select({
      endpoint: pushSubscriptions.endpoint,
      deviceLabel: pushSubscriptions.deviceLabel,
      createdAt: pushSubscriptions.createdAt,
      lastSuccessAt: pushSubscriptions.lastSuccessAt,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, viewer.id))
    .orderBy(desc(pushSubscriptions.createdAt));
}
