import { getDb } from "@/db";
import { Invalid } from "@/lib/action/errors";
import { currentUser } from "@/lib/auth/current-user";
import { calendarWindow } from "@/lib/calendar/window";
import { windowQuery } from "@/lib/calendar/window-query";
import { searchParamsOf } from "@/lib/pickers/query";

export const dynamic = "force-dynamic";

/** A calendar view's data: the entries and due tasks of the people shown, masked for the viewer. */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const input = windowQuery.safeParse(searchParamsOf(request));
  if (!input.success) return Response.json({ error: "invalid" }, { status: 400 });
  try {
    const window = await calendarWindow(await getDb(), viewer, { people: input.data.people, from: new Date(input.data.from), to: new Date(input.data.to) });
    return Response.json(window, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof Invalid) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
