import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { searchParamsOf } from "@/lib/pickers/query";
import { resourcesQuery, searchResources } from "@/lib/resources/picker";

export const dynamic = "force-dynamic";

/** The entry form's resource picker searches here: at most 20 resources the viewer may book. */
export async function GET(request: Request) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const input = resourcesQuery.safeParse(searchParamsOf(request));
  if (!input.success) return Response.json({ error: "invalid" }, { status: 400 });
  const items = await searchResources(await getDb(), viewer, input.data);
  return Response.json({ items }, { headers: { "cache-control": "private, no-store" } });
}
