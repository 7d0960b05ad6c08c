import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { exportFileName, exportResponse, isExportFormat } from "@/lib/export/stream";
import { exportTaskList } from "@/lib/tasks/export";
import { parseListParams, type SearchParams } from "@/lib/tasks/list-params";
import type { TaskListView } from "@/lib/tasks/lists";
import { now } from "@/lib/time/clock";

export const dynamic = "force-dynamic";

const VIEWS: readonly TaskListView[] = ["mine", "delegated", "team"];

/**
 * GET /api/export/tasks?view=delegated&format=csv&<the list's filters and sort>: the whole list the page shows one page
 * of, every row its filters select, streamed as CSV or XLSX. The same scope as the list: a person gets only tasks they
 * are on the list's side of (assigned to them, delegated by them, or of people under them).
 */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const search = new URL(request.url).searchParams;
  const view = search.get("view") as TaskListView | null;
  const format = search.get("format");
  if (!view || !VIEWS.includes(view) || !isExportFormat(format)) {
    return Response.json({ error: "invalid", detail: "view must be mine, delegated or team; format csv or xlsx" }, { status: 400 });
  }
  // As on the list's page, a filter value the list does not know (a hand-edited link) falls back to no filter.
  const params = parseListParams(Object.fromEntries(search) as SearchParams);
  const at = now();
  const stream = exportTaskList(await getDb(), viewer, view, params, format, at);
  return exportResponse(stream, format, exportFileName(view, format, at, viewer.timeZone));
}
