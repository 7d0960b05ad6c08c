import { attachmentGet } from "@/lib/files/attachment-route";

export const dynamic = "force-dynamic";

/** GET /api/attachments/:id/thumbnail: an image's thumbnail (WebP), authorized as the file itself. */
export const GET = attachmentGet("thumbnail");
