"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { CheckboxField, describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { PRIORITIES, type Priority } from "@/lib/org/vocabulary";
import { createTaskTemplateAction, updateTaskTemplateAction } from "@/lib/tasks/template-actions";
import { offsetLabel, REMINDER_OFFSETS } from "./reminder-drafts";

export interface TemplateFormValues {
  title: string;
  description: string;
  priority: Priority;
  /** "" for no due date. */
  dueInWorkingDays: string;
  /** Lead times in minutes before the due moment. */
  offsets: number[];
  /** One item per line. */
  checklist: string;
  forDepartment: boolean;
}

/** Lines of a textarea as checklist items: blank lines dropped, each trimmed. */
export function checklistLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Creating and editing a task template. */
export function TemplateForm({
  initial,
  templateId,
  department,
}: {
  initial: TemplateFormValues;
  templateId?: string;
  /** The viewer's department when they may keep its templates. */
  department: string | null;
}) {
  const t = useTranslations("tasks.templateForm");
  const tt = useTranslations("tasks");
  const tp = useTranslations("common.priority");
  const router = useRouter();
  const [v, setV] = useState(initial);
  const set = <K extends keyof TemplateFormValues>(key: K, value: TemplateFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const done = () => router.push("/tasks/templates");
  const create = useAction(createTaskTemplateAction, done);
  const update = useAction(updateTaskTemplateAction, done);
  const action = templateId ? update : create;
  const errors = (field: string) => action.fieldErrors?.[field];
  const offsets = [...new Set<number>([...REMINDER_OFFSETS, ...v.offsets])].sort((a, b) => a - b);

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      title: v.title,
      description: v.description,
      priority: v.priority,
      dueInWorkingDays: v.dueInWorkingDays,
      reminders: v.offsets.map((offsetMinutes) => ({ offsetMinutes, channel: null })),
      checklist: checklistLines(v.checklist),
      forDepartment: v.forDepartment,
    };
    if (templateId) void update.run({ ...input, templateId });
    else void create.run(input);
  }

  const checklistErrors = Object.entries(action.fieldErrors ?? {})
    .filter(([k]) => k === "checklist" || k.startsWith("checklist."))
    .flatMap(([, e]) => e);
  const reminderErrors = Object.entries(action.fieldErrors ?? {})
    .filter(([k]) => k === "reminders" || k.startsWith("reminders."))
    .flatMap(([, e]) => e);

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {action.error ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {action.error}
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-6">
        <Field id="title" label={t("title")} hint={t("titleHint")} errors={errors("title")} className="md:col-span-6">
          <Input
            id="title"
            value={v.title}
            onChange={(e) => set("title", e.target.value)}
            maxLength={200}
            required
            autoFocus
            aria-invalid={errors("title") ? true : undefined}
            aria-describedby={describedBy("title", errors("title"), true)}
          />
        </Field>
        <Field id="description" label={t("description")} errors={errors("description")} className="md:col-span-6">
          <Textarea
            id="description"
            rows={3}
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
        <Field id="dueInWorkingDays" label={t("dueInWorkingDays")} hint={t("dueHint")} errors={errors("dueInWorkingDays")} className="md:col-span-4">
          <Input
            id="dueInWorkingDays"
            type="number"
            min={0}
            max={365}
            value={v.dueInWorkingDays}
            onChange={(e) => set("dueInWorkingDays", e.target.value)}
            className="w-28"
            aria-invalid={errors("dueInWorkingDays") ? true : undefined}
            aria-describedby={describedBy("dueInWorkingDays", errors("dueInWorkingDays"), true)}
          />
        </Field>
        <Field
          id="checklist"
          label={t("checklist")}
          hint={t("checklistHint")}
          errors={checklistErrors.length ? checklistErrors : undefined}
          className="md:col-span-6"
        >
          <Textarea
            id="checklist"
            rows={5}
            value={v.checklist}
            onChange={(e) => set("checklist", e.target.value)}
            aria-invalid={checklistErrors.length ? true : undefined}
            aria-describedby={describedBy("checklist", checklistErrors.length ? checklistErrors : undefined, true)}
          />
        </Field>
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-xs font-medium text-slate-700">{t("reminders")}</legend>
        <p className="text-xs text-slate-500">{t("remindersHint")}</p>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {offsets.map((minutes) => (
            <label key={minutes} className="inline-flex items-center gap-1.5 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={v.offsets.includes(minutes)}
                onChange={(e) => set("offsets", e.target.checked ? [...v.offsets, minutes].sort((a, b) => a - b) : v.offsets.filter((m) => m !== minutes))}
                className="h-4 w-4 rounded border-slate-300 text-brand-600"
              />
              {offsetLabel(tt, minutes)}
            </label>
          ))}
        </div>
        {reminderErrors.length ? (
          <p role="alert" className="text-xs text-red-700">
            {reminderErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {department ? (
        <CheckboxField
          id="forDepartment"
          label={t("forDepartment", { department })}
          hint={t("forDepartmentHint")}
          checked={v.forDepartment}
          onChange={(checked) => set("forDepartment", checked)}
        />
      ) : null}
      <div className="flex items-center justify-end gap-2 border-t border-slate-200 pt-3">
        <Link href="/tasks/templates" className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
        <Button type="submit" variant="primary" disabled={action.pending}>
          {templateId ? t("submitSave") : t("submitCreate")}
        </Button>
      </div>
    </form>
  );
}
