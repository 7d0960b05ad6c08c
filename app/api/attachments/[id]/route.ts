import { attachmentGet } from "@/lib/files/attachment-route";

export const dynamic = "force-dynamic";

/** GET /api/attachments/:id: the file, for whoever may see its item (a stranger is refused whatever key they hold). */
export const GET = attachmentGet("file");
