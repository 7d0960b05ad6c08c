import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { downloadAttachment } from "./download";
import { refusal } from "./responses";
import { removeAttachmentInput } from "./schema";
import { fileStorage } from "./storage";

/**
 * The GET of /api/attachments/:id (the file) and /api/attachments/:id/thumbnail (an image's WebP
 * thumbnail): for whoever may see the file's item, a stranger refused whatever key they hold.
 */
export function attachmentGet(part: "file" | "thumbnail") {
  return async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
    const viewer = await currentUser();
    if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
    const parsed = removeAttachmentInput.safeParse({ id: (await params).id });
    if (!parsed.success) return Response.json({ error: "not_found", message: "files.errors.notFound" }, { status: 404 });
    try {
      return await downloadAttachment(await getDb(), fileStorage(), viewer, parsed.data.id, part);
    } catch (error) {
      return refusal(error);
    }
  };
}
