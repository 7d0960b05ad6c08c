import { z } from "zod";
import { lineString } from "@/lib/action/fields";

/** What a file is attached to: `id` is the task's or case's uuid, or a comment's number. */
export const attachTargetInput = z.discriminatedUnion("item", [
  z.object({ item: z.literal("task"), id: z.uuid("files.errors.itemUnknown") }),
  z.object({ item: z.literal("case"), id: z.uuid("files.errors.itemUnknown") }),
  z.object({
    item: z.literal("comment"),
    id: z.coerce.number("files.errors.itemUnknown").int().positive("files.errors.itemUnknown").max(Number.MAX_SAFE_INTEGER),
  }),
]);
export type AttachTarget = z.output<typeof attachTargetInput>;

/**
 * The original name as the uploader's device gave it: kept for the download, never used as a path (its slashes become
 * underscores). A name with control characters is refused, as every line of text is.
 */
export const attachFileName = lineString("files.errors.nameMissing")
  .transform((v) => v.normalize("NFC").replace(/[/\\]/g, "_").trim())
  .refine((v) => v.length >= 1, "files.errors.nameMissing")
  .refine((v) => v.length <= 255, "files.errors.nameTooLong");

export const removeAttachmentInput = z.object({ id: z.uuid("files.errors.notFound") });
export type RemoveAttachmentInput = z.output<typeof removeAttachmentInput>;
