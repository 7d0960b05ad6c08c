"use client";

import { AtSign, Paperclip, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Textarea } from "@/components/ui/field";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { LIMITS, sendAttachment } from "@/components/files/attachment-upload";
import { ACCEPT_ATTRIBUTE } from "@/lib/files/limits";
import { commentOnTaskAction } from "@/lib/tasks/actions";
import { encodeMentions, labelFor, type PickedMention } from "@/lib/tasks/mention-text";
import { useAnnounce } from "./task-action-status";

function commentBox(): HTMLTextAreaElement | null {
  const element = document.getElementById("comment");
  return element instanceof HTMLTextAreaElement ? element : null;
}

/** Where a picked person's "@label" goes: over the "@" just typed, or at the caret (the button). */
interface Picking {
  from: number;
  to: number;
}

/**
 * A comment on a task. Typing "@" (or the "Mention someone" button) opens the people picker;
 * the chosen person is written into the text as "@Name" and sent as their id, so a namesake is
 * never mentioned by mistake. Escape or the close button go back to the text.
 */
export function CommentForm({ taskId }: { taskId: string }) {
  const t = useTranslations("tasks.comments");
  const ts = useTranslations("tasks.announce");
  const router = useRouter();
  const announce = useAnnounce();
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<PickedMention[]>([]);
  const [picking, setPicking] = useState<Picking | null>(null);
  const caretAfter = useRef<number | null>(null);
  const tf = useTranslations("files");
  const format = useFormatter();
  const [files, setFiles] = useState<File[]>([]);
  const [filesKey, setFilesKey] = useState(0);
  const [fileRefusals, setFileRefusals] = useState<string[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const add = useAction(commentOnTaskAction, (data) => {
    setText("");
    setPicked([]);
    announce(ts("commented"));
    const sending = files;
    setFiles([]);
    setFilesKey((k) => k + 1);
    void (async () => {
      const refused: string[] = [];
      for (const file of sending) {
        setUploading(file.name);
        const refusal = await sendAttachment({ item: "comment", id: data.commentId }, file);
        if (refusal) refused.push(`${file.name}: ${tf(refusal.key as "errors.failed", refusal.params)}`);
      }
      setUploading(null);
      setFileRefusals(refused);
      router.refresh();
    })();
  });
  const errors = add.fieldErrors?.comment ?? (add.error && !add.fieldErrors ? [add.error] : undefined);

  useEffect(() => {
    if (picking) document.getElementById("comment-mention")?.focus();
  }, [picking]);
  useEffect(() => {
    const box = commentBox();
    if (caretAfter.current === null || !box) return;
    box.focus();
    box.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  }, [text]);

  const close = () => {
    setPicking(null);
    commentBox()?.focus();
  };
  const choose = (person: PickerItem | null) => {
    if (!person || !picking) return close();
    const label = labelFor(person, picked);
    const mention = `@${label} `;
    setText(text.slice(0, picking.from) + mention + text.slice(picking.to));
    if (!picked.some((p) => p.id === person.id)) setPicked([...picked, { id: person.id, label }]);
    caretAfter.current = picking.from + mention.length;
    setPicking(null);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void add.run({ taskId, comment: encodeMentions(text, picked) });
      }}
      className="space-y-2"
    >
      <label htmlFor="comment" className="sr-only">
        {t("label")}
      </label>
      <Textarea
        id="comment"
        rows={2}
        value={text}
        placeholder={t("placeholder")}
        onChange={(e) => {
          const next = e.target.value;
          const caret = e.target.selectionStart;
          const typedAt = next.length === text.length + 1 && next[caret - 1] === "@" && (caret === 1 || /\s/.test(next[caret - 2]!));
          setText(next);
          if (typedAt) setPicking({ from: caret - 1, to: caret });
        }}
        aria-invalid={errors ? true : undefined}
        aria-describedby={[describedBy("comment", errors), "comment-mention-hint"].filter(Boolean).join(" ")}
      />
      <p id="comment-mention-hint" className="text-xs text-slate-500">
        {t("mentionHint")}
      </p>
      {picking ? (
        <div
          className="flex items-start gap-2"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              close();
            }
          }}
        >
          <label htmlFor="comment-mention" className="sr-only">
            {t("mentionLabel")}
          </label>
          <SearchPicker
            id="comment-mention"
            source="people"
            params={{ scope: "active" }}
            value={null}
            onChange={choose}
            placeholder={t("mentionLabel")}
            className="min-w-0 flex-1"
          />
          <Button type="button" size="md" variant="ghost" aria-label={t("mentionCancel")} onClick={close}>
            <X aria-hidden className="h-4 w-4" />
          </Button>
        </div>
      ) : null}
      <div className="space-y-1">
        {/* A button in the page's language, not the browser's own "Choose Files / No file chosen". */}
        <label className={buttonClass("secondary", "sm", "cursor-pointer focus-within:ring-2 focus-within:ring-brand-500 focus-within:ring-offset-1")}>
          <Paperclip aria-hidden className="h-3.5 w-3.5" />
          {tf("attachToComment")}
          <input
            key={filesKey}
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby="comment-files-chosen comment-files-limits"
            className="sr-only"
            onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
          />
        </label>
        <p id="comment-files-chosen" className="text-xs text-slate-700" data-testid="comment-files-chosen">
          {files.length ? tf("chosen", { names: format.list(files.map((f) => f.name)) }) : null}
        </p>
        <p id="comment-files-limits" className="text-xs text-slate-500">
          {tf("limits", LIMITS)}
        </p>
        {uploading ? (
          <p role="status" className="text-xs text-slate-600">
            {tf("uploading", { name: uploading })}
          </p>
        ) : null}
        {fileRefusals.length ? (
          <div role="alert">
            <ul className="text-xs text-red-700">
              {fileRefusals.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {errors ? (
        <p id="comment-error" role="alert" className="text-xs text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={() => {
            const box = commentBox();
            const at = box?.selectionStart ?? text.length;
            setPicking({ from: at, to: box?.selectionEnd ?? at });
          }}
        >
          <AtSign aria-hidden className="h-3.5 w-3.5" />
          {t("mention")}
        </Button>
        <Button type="submit" size="sm" variant="primary" disabled={add.pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
