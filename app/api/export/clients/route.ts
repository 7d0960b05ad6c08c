import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { exportClientList } from "@/lib/crm/export";
import { clientListFilters } from "@/lib/crm/schema";
import { exportFileName, exportResponse, isExportFormat } from "@/lib/export/stream";
import { now } from "@/lib/time/clock";

export const dynamic = "force-dynamic";

/** GET /api/export/clients?format=csv&<the client list's filters>: every client the filters select, as CSV or XLSX. */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const search = new URL(request.url).searchParams;
  const format = search.get("format");
  if (!isExportFormat(format)) return Response.json({ error: "invalid", detail: "format must be csv or xlsx" }, { status: 400 });
  const { page: _page, ...filters } = clientListFilters.parse(Object.fromEntries(search));
  const at = now();
  return exportResponse(exportClientList(await getDb(), viewer, filters, format), format, exportFileName("clients", format, at, viewer.timeZone));
}
