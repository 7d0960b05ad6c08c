import { getDb } from "@/db";
import { currentUser } from "@/lib/auth/current-user";
import { downloadAttachment } from "@/lib/files/download";
import { refusal } from "@/lib/files/responses";
import { removeAttachmentInput } from "@/lib/files/schema";
import { fileStorage } from "@/lib/files/storage";

export const dynamic = "force-dynamic";

/** GET /api/attachments/:id: the file, for whoever may see its item (a stranger is refused whatever key they hold). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await currentUser();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const parsed = removeAttachmentInput.safeParse({ id: (await params).id });
  if (!parsed.success) return Response.json({ error: "not_found", message: "files.errors.notFound" }, { status: 404 });
  try {
    return await downloadAttachment(await getDb(), fileStorage(), viewer, parsed.data.id, "file");
  } catch (error) {
    return refusal(error);
  }
}
