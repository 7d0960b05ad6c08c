import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { exportCaseList } from "@/lib/crm/export";
import { caseListFilters } from "@/lib/crm/schema";
import { exportFileName, exportResponse, isExportFormat } from "@/lib/export/stream";
import { now } from "@/lib/time/clock";

export const dynamic = "force-dynamic";

/**
 * GET /api/export/cases?format=csv&<the case list's filters>: every case the list's filters select (every page), streamed
 * as CSV or XLSX in the reader's language and zone. The same scope as the list.
 */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const search = new URL(request.url).searchParams;
  const format = search.get("format");
  if (!isExportFormat(format)) return Response.json({ error: "invalid", detail: "format must be csv or xlsx" }, { status: 400 });
  // As on the list's page, a filter value the list does not know (a hand-edited link) falls back to no filter.
  const { page: _page, ...filters } = caseListFilters.parse(Object.fromEntries(search));
  const at = now();
  return exportResponse(exportCaseList(await getDb(), viewer, filters, format, at), format, exportFileName("cases", format, at, viewer.timeZone));
}
