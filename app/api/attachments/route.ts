import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/config/env";
import { refusal } from "@/lib/files/responses";
import { attachFileName, attachTargetInput } from "@/lib/files/schema";
import { fileStorage } from "@/lib/files/storage";
import { uploadAttachment } from "@/lib/files/upload";
import { refuseCrossSiteRequest } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/**
 * POST /api/attachments?item=task|case|comment&id=<item>&name=<file name>, the file's raw bytes
 * as the body (application/octet-stream). A route handler, not a server action: actions buffer
 * their body under a 1 MB limit, while this one counts the body as it streams in and stops at
 * the attachment limit (lib/files/upload.ts). Answers 201 with the new attachment's id.
 */
export async function POST(request: Request) {
  const refused = refuseCrossSiteRequest(request, env().APP_URL, { mediaType: "application/octet-stream" });
  if (refused) return refused;
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const search = new URL(request.url).searchParams;
  const target = attachTargetInput.safeParse({ item: search.get("item"), id: search.get("id") });
  const fileName = attachFileName.safeParse(search.get("name") ?? "");
  if (!target.success || !fileName.success) {
    const issue = fileName.error?.issues[0]?.message;
    const message = !target.success
      ? "files.errors.itemUnknown"
      : issue === "controlCharacters"
        ? "files.errors.nameControl"
        : (issue ?? "files.errors.nameMissing");
    return Response.json({ error: "invalid", message }, { status: 400 });
  }
  try {
    const row = await uploadAttachment(await getDb(), fileStorage(), viewer, {
      target: target.data,
      fileName: fileName.data,
      contentLength: request.headers.get("content-length"),
      body: request.body,
    });
    return Response.json({ id: row.id, contentType: row.contentType, size: row.size }, { status: 201 });
  } catch (error) {
    return refusal(error);
  }
}
