"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { PRIORITIES, type Priority } from "@/lib/org/vocabulary";
import { addSubtaskAction } from "@/lib/tasks/subtask-actions";
import { useAnnounce } from "./task-action-status";

/**
 * Adds a subtask on the parent's page: a title, who does it (left empty: the person adding it),
 * by when (no later than the parent; the field's max says so too) and a priority that starts as
 * the parent's. The server checks all of it again.
 */
export function SubtaskForm({
  parentId,
  parentPriority,
  parentDue,
  timeZone,
}: {
  parentId: string;
  parentPriority: Priority;
  /** The parent's due moment: as a datetime-local value in the viewer's zone, and as the viewer reads it. */
  parentDue: { local: string; label: string } | null;
  timeZone: string;
}) {
  const t = useTranslations("tasks.subtasks");
  const tp = useTranslations("common.priority");
  const router = useRouter();
  const announce = useAnnounce();
  const [title, setTitle] = useState("");
  const [assignee, setAssignee] = useState<PickerItem | null>(null);
  const [dueAt, setDueAt] = useState("");
  const [priority, setPriority] = useState<Priority>(parentPriority);
  const add = useAction(addSubtaskAction, (task) => {
    announce(t("added", { number: task.number }));
    setTitle("");
    setAssignee(null);
    setDueAt("");
    setPriority(parentPriority);
    router.refresh();
    document.getElementById("subtask-title")?.focus();
  });
  const errors = (field: string) => add.fieldErrors?.[field];

  return (
    <form
      aria-label={t("add")}
      className="space-y-2 border-t border-slate-200 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        void add.run({ parentId, title, assigneeId: assignee?.id ?? "", dueAt, priority });
      }}
    >
      <FormAlert error={add.fieldErrors ? undefined : add.error} />
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Field id="subtask-title" label={t("newTitle")} errors={errors("title")} className="sm:col-span-2">
          <Input
            id="subtask-title"
            value={title}
            maxLength={200}
            required
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={errors("title") ? true : undefined}
            aria-describedby={describedBy("subtask-title", errors("title"))}
          />
        </Field>
        <Field id="subtask-assignee" label={t("assignTo")} hint={t("assignToHint")} errors={errors("assigneeId")}>
          <SearchPicker
            id="subtask-assignee"
            source="people"
            value={assignee}
            onChange={setAssignee}
            placeholder={t("choosePerson")}
            disabled={add.pending}
            aria-invalid={errors("assigneeId") ? true : undefined}
            aria-describedby={describedBy("subtask-assignee", errors("assigneeId"), true)}
          />
        </Field>
        <Field
          id="subtask-due"
          label={t("dueAt")}
          hint={parentDue ? `${t("dueHint", { due: parentDue.label })} (${timeZone})` : timeZone}
          errors={errors("dueAt")}
        >
          <Input
            id="subtask-due"
            type="datetime-local"
            value={dueAt}
            max={parentDue?.local}
            onChange={(e) => setDueAt(e.target.value)}
            aria-invalid={errors("dueAt") ? true : undefined}
            aria-describedby={describedBy("subtask-due", errors("dueAt"), true)}
          />
        </Field>
        <Field id="subtask-priority" label={t("priority")} hint={t("priorityHint")} errors={errors("priority")}>
          <Select
            id="subtask-priority"
            value={priority}
            onChange={(e) => setPriority(e.target.value as Priority)}
            aria-describedby={describedBy("subtask-priority", errors("priority"), true)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {tp(p)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" size="sm" disabled={add.pending}>
        <Plus aria-hidden className="h-3.5 w-3.5" />
        {t("add")}
      </Button>
    </form>
  );
}
