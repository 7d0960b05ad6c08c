import { inngest } from "@/inngest/client";
import { functionRuntime } from "@/inngest/runtime";
import { collectAttachmentGarbage } from "@/lib/files/garbage";
import { fileStorage } from "@/lib/files/storage";

/**
 * Every ten minutes: remove from the file storage the bytes no attachment row holds any more (removed or cascaded
 * rows, uploads that never recorded theirs, removals that failed), a batch at a time.
 */
export const collectAttachmentGarbageFn = inngest.createFunction(
  { id: "collect-attachment-garbage", triggers: [{ cron: "*/10 * * * *" }], concurrency: 1 },
  async ({ step }) => {
    const rt = await functionRuntime();
    return step.run("collect", () => collectAttachmentGarbage(rt.db, fileStorage()));
  },
);
