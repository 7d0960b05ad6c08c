"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { commentOnTaskAction } from "@/lib/tasks/actions";
import { useAnnounce } from "./task-action-status";

export function CommentForm({ taskId }: { taskId: string }) {
  const t = useTranslations("tasks.comments");
  const ts = useTranslations("tasks.announce");
  const router = useRouter();
  const announce = useAnnounce();
  const [text, setText] = useState("");
  const add = useAction(commentOnTaskAction, () => {
    setText("");
    announce(ts("commented"));
    router.refresh();
  });
  const errors = add.fieldErrors?.comment ?? (add.error && !add.fieldErrors ? [add.error] : undefined);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void add.run({ taskId, comment: text });
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
        onChange={(e) => setText(e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy("comment", errors)}
      />
      {errors ? (
        <p id="comment-error" role="alert" className="text-xs text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" size="sm" variant="primary" disabled={add.pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
