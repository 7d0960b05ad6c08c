"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { deleteTaskTemplateAction } from "@/lib/tasks/template-actions";

/** Deletes a template after the person confirms; tasks made from it stay as they are. */
export function TemplateDelete({ templateId, title }: { templateId: string; title: string }) {
  const t = useTranslations("tasks.templateForm");
  const router = useRouter();
  const remove = useAction(deleteTaskTemplateAction, () => router.refresh());
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        aria-label={t("deleteTemplate", { title })}
        disabled={remove.pending}
        onClick={() => {
          if (window.confirm(t("confirmDelete", { title }))) void remove.run({ templateId });
        }}
      >
        {t("delete")}
      </Button>
      {remove.error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {remove.error}
        </span>
      ) : null}
    </>
  );
}
