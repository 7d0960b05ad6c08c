"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ClientCasePickers, type ClientAndCase } from "@/components/crm/client-case-pickers";
import { Button, buttonClass } from "@/components/ui/button";
import { CheckboxField, describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { useAction } from "@/components/ui/use-action";
import { createTaskAction, updateTaskAction } from "@/lib/tasks/actions";
import { PRIORITIES, type Priority } from "@/lib/org/vocabulary";
import type { ReminderDraft } from "./reminder-drafts";
import { RemindersEditor } from "./reminders-editor";
import { repeatInputOf, TaskRepeatFields, type TaskRepeatDraft } from "./task-repeat-fields";

export interface TaskFormValues {
  title: string;
  description: string;
  priority: Priority;
  /** datetime-local value in the viewer's zone, "" for none. */
  dueAt: string;
  assigneeId: string;
  clientId: string;
  caseId: string;
  needsAcceptance: boolean;
  progress: number;
  reminders: ReminderDraft[];
  repeat: TaskRepeatDraft;
  /** New tasks only: the checklist the task starts with, one item per line (a template's). */
  checklist?: string;
}

/** What the pickers show before anyone searches: the chosen assignee, client and case, nothing more. */
export interface TaskFormChoices {
  assignee: PickerItem;
  client: PickerItem | null;
  case: PickerItem | null;
}

type Props = {
  initial: TaskFormValues;
  choices: TaskFormChoices;
  me: { id: string; name: string };
  timeZone: string;
} & (
  | { mode: "create" }
  | {
      mode: "edit";
      taskId: string;
      number: number;
      version: number;
      can: { details: boolean; reminders: boolean; reassign: boolean };
      /** Who checks the result, and how the viewer stands to the task: the acceptance wording is theirs. */
      acceptance: { delegatorName: string; viewerIs: "delegator" | "assignee" | "other" };
    }
);

function remindersInput(drafts: ReminderDraft[]) {
  return drafts.map((r) =>
    r.type === "before"
      ? { type: "before" as const, offsetMinutes: r.offsetMinutes, channel: r.channel || null }
      : { type: "at" as const, fireAt: r.fireAt, channel: r.channel || null },
  );
}

/** Creating and editing a task. Editing sends only what the person changed. */
export function TaskForm(props: Props) {
  const t = useTranslations("tasks.form");
  const tp = useTranslations("common.priority");
  const router = useRouter();
  const { initial, choices, me, timeZone } = props;
  const can = props.mode === "edit" ? props.can : { details: true, reminders: true, reassign: true };
  // "Needs my acceptance" is the delegator's sentence; anyone else reads whose acceptance it is.
  const acceptanceOf = props.mode === "edit" && props.acceptance.viewerIs !== "delegator" ? props.acceptance : null;
  const [v, setV] = useState<TaskFormValues>(initial);
  const set = <K extends keyof TaskFormValues>(key: K, value: TaskFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));

  const create = useAction(createTaskAction, (task) => router.push(`/tasks/${task.id}`));
  const update = useAction(updateTaskAction, () => {
    if (props.mode === "edit") router.push(`/tasks/${props.taskId}`);
  });
  const action = props.mode === "create" ? create : update;
  const errors = (field: string) => action.fieldErrors?.[field];
  const checklistErrors = Object.entries(action.fieldErrors ?? {})
    .filter(([k]) => k === "checklist" || k.startsWith("checklist."))
    .flatMap(([, e]) => e);

  const [assignee, setAssignee] = useState<PickerItem>(choices.assignee);
  const [link, setLink] = useState<ClientAndCase>({ client: choices.client, case: choices.case });

  function chooseAssignee(item: PickerItem | null) {
    if (!item) return;
    setAssignee(item);
    set("assigneeId", item.id);
  }
  function chooseLink(next: ClientAndCase) {
    setLink(next);
    setV((prev) => ({ ...prev, clientId: next.client?.id ?? "", caseId: next.case?.id ?? "" }));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (props.mode === "create") {
      void create.run({
        title: v.title,
        description: v.description,
        priority: v.priority,
        dueAt: v.dueAt,
        assigneeId: v.assigneeId,
        clientId: v.clientId,
        caseId: v.caseId,
        needsAcceptance: v.needsAcceptance,
        progress: v.progress,
        reminders: remindersInput(v.reminders),
        repeat: repeatInputOf(v.repeat),
        checklist: (v.checklist ?? "")
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      });
      return;
    }
    const patch: Record<string, unknown> = { taskId: props.taskId, expectedVersion: props.version };
    for (const key of ["title", "description", "priority", "dueAt", "assigneeId", "clientId", "caseId", "needsAcceptance"] as const) {
      if (v[key] !== initial[key]) patch[key] = v[key];
    }
    if (JSON.stringify(remindersInput(v.reminders)) !== JSON.stringify(remindersInput(initial.reminders))) patch.reminders = remindersInput(v.reminders);
    if (JSON.stringify(repeatInputOf(v.repeat)) !== JSON.stringify(repeatInputOf(initial.repeat))) patch.repeat = repeatInputOf(v.repeat);
    void update.run(patch as Parameters<typeof updateTaskAction>[0]);
  }

  const cancelHref = props.mode === "edit" ? `/tasks/${props.taskId}` : "/tasks";
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {action.error ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {action.error}
        </div>
      ) : null}
      {props.mode === "edit" && !can.details ? <p className="rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-600">{t("detailsLocked")}</p> : null}

      <fieldset disabled={!can.details} className="grid grid-cols-1 gap-4 md:grid-cols-6">
        <Field id="title" label={t("title")} errors={errors("title")} className="md:col-span-6">
          <Input
            id="title"
            value={v.title}
            onChange={(e) => set("title", e.target.value)}
            maxLength={200}
            required
            autoFocus={props.mode === "create"}
            aria-invalid={errors("title") ? true : undefined}
            aria-describedby={describedBy("title", errors("title"))}
          />
        </Field>
        <Field id="description" label={t("description")} errors={errors("description")} className="md:col-span-6">
          <Textarea
            id="description"
            rows={4}
            value={v.description}
            onChange={(e) => set("description", e.target.value)}
            aria-describedby={describedBy("description", errors("description"))}
          />
        </Field>
        <Field id="priority" label={t("priority")} errors={errors("priority")} className="md:col-span-2">
          <Select id="priority" value={v.priority} onChange={(e) => set("priority", e.target.value as Priority)}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {tp(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="dueAt" label={t("dueAt")} hint={t("dueHint", { zone: timeZone })} errors={errors("dueAt")} className="md:col-span-2">
          <Input
            id="dueAt"
            type="datetime-local"
            value={v.dueAt}
            onChange={(e) => set("dueAt", e.target.value)}
            aria-invalid={errors("dueAt") ? true : undefined}
            aria-describedby={describedBy("dueAt", errors("dueAt"), true)}
          />
        </Field>
        {props.mode === "create" ? (
          <Field id="progress" label={t("progress")} errors={errors("progress")} className="md:col-span-2">
            <Input
              id="progress"
              type="number"
              min={0}
              max={100}
              step={5}
              value={Number.isNaN(v.progress) ? "" : v.progress}
              onChange={(e) => set("progress", e.target.valueAsNumber)}
              aria-invalid={errors("progress") ? true : undefined}
              aria-describedby={describedBy("progress", errors("progress"))}
            />
          </Field>
        ) : null}
      </fieldset>

      <fieldset disabled={!can.reassign} className="grid grid-cols-1 gap-4 md:grid-cols-6">
        <Field id="assigneeId" label={t("assignee")} errors={errors("assigneeId")} className="md:col-span-3">
          <SearchPicker
            id="assigneeId"
            name="assigneeId"
            source="people"
            value={assignee.id === me.id ? { ...assignee, label: t("me", { name: me.name }) } : assignee}
            onChange={chooseAssignee}
            disabled={!can.reassign}
            aria-invalid={errors("assigneeId") ? true : undefined}
            aria-describedby={describedBy("assigneeId", errors("assigneeId"))}
          />
        </Field>
      </fieldset>

      <fieldset disabled={!can.details} className="grid grid-cols-1 gap-4 md:grid-cols-6">
        <ClientCasePickers
          ids={{ client: "clientId", case: "caseId" }}
          named
          text={{ client: t("client"), noClient: t("noClient"), case: t("case"), noCase: t("noCase"), caseHint: t("caseHint") }}
          value={link}
          onChange={chooseLink}
          errors={{ client: errors("clientId"), case: errors("caseId") }}
          disabled={!can.details}
        />
        <CheckboxField
          id="needsAcceptance"
          label={acceptanceOf ? t("needsAcceptanceOf", { name: acceptanceOf.delegatorName }) : t("needsAcceptance")}
          hint={
            acceptanceOf
              ? t(acceptanceOf.viewerIs === "assignee" ? "needsAcceptanceOfHintMine" : "needsAcceptanceOfHint", { name: acceptanceOf.delegatorName })
              : t("needsAcceptanceHint")
          }
          checked={v.needsAcceptance}
          onChange={(checked) => set("needsAcceptance", checked)}
          className="md:col-span-6"
        />
      </fieldset>

      <TaskRepeatFields
        value={v.repeat}
        onChange={(next) => set("repeat", next)}
        timeZone={timeZone}
        disabled={!can.details}
        stoppable={initial.repeat.kind !== ""}
        errors={errors}
      />
      {props.mode === "create" ? (
        <Field id="checklist" label={t("checklist")} hint={t("checklistHint")} errors={checklistErrors.length ? checklistErrors : undefined}>
          <Textarea
            id="checklist"
            rows={Math.min(8, Math.max(2, (v.checklist ?? "").split("\n").length))}
            value={v.checklist ?? ""}
            onChange={(e) => set("checklist", e.target.value)}
            aria-invalid={checklistErrors.length ? true : undefined}
            aria-describedby={describedBy("checklist", checklistErrors.length ? checklistErrors : undefined, true)}
          />
        </Field>
      ) : null}

      <RemindersEditor value={v.reminders} onChange={(next) => set("reminders", next)} disabled={!can.reminders} fieldErrors={action.fieldErrors} />

      <div className="flex items-center justify-end gap-2 border-t border-slate-200 pt-3">
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
        <Button type="submit" variant="primary" disabled={action.pending}>
          {props.mode === "create" ? t("submitCreate") : t("submitSave")}
        </Button>
      </div>
    </form>
  );
}
