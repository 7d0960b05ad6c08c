"use client";

import { Paperclip } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { ACCEPT_ATTRIBUTE } from "@/lib/files/limits";
import { AttachmentList, type ListedAttachment } from "./attachment-list";
import { LIMITS, sendAttachment, type UploadRefusal, type UploadTarget } from "./attachment-upload";

/**
 * A task's or a case's files: the list, and (for those who may) a file input that takes several
 * files; on a phone it offers the camera, since images come first in what it accepts. Files go up
 * one after another, each with its own message when refused; the page is then read again.
 */
export function AttachmentsPanel({ target, files, canAttach }: { target: UploadTarget; files: ListedAttachment[]; canAttach: boolean }) {
  const t = useTranslations("files");
  const id = useId();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const [refusals, setRefusals] = useState<{ name: string; refusal: UploadRefusal }[]>([]);

  async function attach(list: FileList | null) {
    if (!list?.length) return;
    const refused: { name: string; refusal: UploadRefusal }[] = [];
    for (const file of Array.from(list)) {
      setBusy(file.name);
      const refusal = await sendAttachment(target, file);
      if (refusal) refused.push({ name: file.name, refusal });
      else setSaid(t("uploaded", { name: file.name }));
    }
    setBusy(null);
    setRefusals(refused);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {files.length ? (
        <AttachmentList files={files} label={t("listLabel")} showCommentNote />
      ) : (
        <p className="text-sm text-slate-500">{canAttach ? t("emptyCanAttach") : t("empty")}</p>
      )}
      {canAttach ? (
        <div className="space-y-1.5 border-t border-slate-200 pt-3">
          <label className={buttonClass("secondary", "md", "cursor-pointer focus-within:ring-2 focus-within:ring-brand-500 focus-within:ring-offset-1")}>
            <Paperclip aria-hidden className="h-3.5 w-3.5" />
            {t("attach")}
            <input
              type="file"
              multiple
              accept={ACCEPT_ATTRIBUTE}
              disabled={busy !== null}
              aria-describedby={`${id}-limits`}
              className="sr-only"
              onChange={(e) => {
                const input = e.currentTarget;
                void attach(input.files).finally(() => (input.value = ""));
              }}
            />
          </label>
          <p id={`${id}-limits`} className="text-xs text-slate-500">
            {t("limits", LIMITS)}
          </p>
          {busy ? (
            <p role="status" className="text-xs text-slate-600">
              {t("uploading", { name: busy })}
            </p>
          ) : null}
          {refusals.length ? (
            <div role="alert">
              <ul className="space-y-0.5 text-xs text-red-700">
                {refusals.map((r) => (
                  <li key={r.name}>
                    {r.name}: {t(r.refusal.key as "errors.failed", r.refusal.params)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p aria-live="polite" className="sr-only">
            {said}
          </p>
        </div>
      ) : null}
    </div>
  );
}
