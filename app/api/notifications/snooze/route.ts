import { getDb } from "@/db";
import { runUnit } from "@/lib/effects/unit";
import { isUserError } from "@/lib/action/errors";
import { currentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/config/env";
import { refuseCrossSiteRequest } from "@/lib/http/same-origin";
import { snoozeReminder } from "@/lib/reminders/commands";
import { snoozeInput } from "@/lib/reminders/schema";

export const dynamic = "force-dynamic";

const STATUS = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400, unauthenticated: 401 } as const;

/**
 * "Remind me later" from a push notification (public/sw.js posts here with the session cookie)
 * or from the app: only the reminder's recipient may snooze it; anyone else hears "not found",
 * exactly as for an id that does not exist.
 */
export async function POST(request: Request) {
  const refused = refuseCrossSiteRequest(request, env().APP_URL);
  if (refused) return refused;
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const parsed = snoozeInput.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400 });
  try {
    const result = await runUnit(await getDb(), viewer, (work) => snoozeReminder(work, parsed.data));
    return Response.json({ ok: true, fireAt: result.fireAt.toISOString() });
  } catch (error) {
    if (isUserError(error)) return Response.json({ error: error.code }, { status: STATUS[error.code] });
    console.error("[reminders] snooze failed", error);
    return Response.json({ error: "internal" }, { status: 500 });
  }
}
