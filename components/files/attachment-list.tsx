"use client";

import { FileText, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { removeAttachmentAction } from "@/lib/files/actions";
import type { AttachmentView } from "@/lib/files/queries";

/** An attachment as the page lists it, with its moment already written in the reader's zone. */
export interface ListedAttachment extends AttachmentView {
  when: string;
}

export function sizeLabel(t: ReturnType<typeof useTranslations<"files">>, bytes: number): string {
  return bytes < 1024 * 1024
    ? t("sizeKb", { value: Math.max(1, Math.round(bytes / 1024)) })
    : t("sizeMb", { value: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
}

/** Files with a thumbnail for images, their size, who attached them and when; removable by the uploader or an admin. */
export function AttachmentList({ files, label, showCommentNote = false }: { files: ListedAttachment[]; label: string; showCommentNote?: boolean }) {
  const t = useTranslations("files");
  const router = useRouter();
  const [said, setSaid] = useState("");
  const [removing, setRemoving] = useState<ListedAttachment | null>(null);
  const remove = useAction(removeAttachmentAction, () => {
    if (removing) setSaid(t("removed", { name: removing.fileName }));
    router.refresh();
  });

  return (
    <div>
      <ul aria-label={label} className="divide-y divide-slate-100">
        {files.map((f) => (
          <li key={f.id} className="flex items-center gap-3 py-2">
            <a
              href={`/api/attachments/${f.id}`}
              target="_blank"
              rel="noopener noreferrer"
              className="flex min-w-0 flex-1 items-center gap-3 rounded focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
            >
              {f.hasThumbnail ? (
                // eslint-disable-next-line @next/next/no-img-element -- an authorized route, not a static asset for next/image
                <img
                  src={`/api/attachments/${f.id}/thumbnail`}
                  alt={t("thumbnailAlt", { name: f.fileName })}
                  className="h-12 w-12 shrink-0 rounded border border-slate-200 object-cover"
                  loading="lazy"
                />
              ) : (
                <span className="flex h-12 w-12 shrink-0 items-center justify-center rounded border border-slate-200 bg-slate-50 text-slate-500">
                  <FileText aria-hidden className="h-5 w-5" />
                </span>
              )}
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium text-brand-700 hover:underline">{f.fileName}</span>
                <span className="block text-xs text-slate-500">
                  {sizeLabel(t, f.size)}
                  {" · "}
                  {t("by", { name: f.uploaderName ?? t("unknownPerson"), when: f.when })}
                  {showCommentNote && f.commentId !== null ? ` · ${t("inComment")}` : null}
                </span>
              </span>
            </a>
            {f.canRemove ? (
              <Button
                size="sm"
                variant="ghost"
                aria-label={t("removeLabel", { name: f.fileName })}
                disabled={remove.pending}
                onClick={() => {
                  setRemoving(f);
                  void remove.run({ id: f.id });
                }}
              >
                <Trash2 aria-hidden className="h-3.5 w-3.5" />
                <span className="sr-only sm:not-sr-only">{t("remove")}</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {remove.error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {remove.error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {said}
      </p>
    </div>
  );
}
