"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { describedBy, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action/result";

type NameAction<Extra> = (input: Extra & { name: string }) => Promise<ActionResult<{ id: string }>>;
type IdAction = (input: { id: string }) => Promise<ActionResult<{ id: string }>>;

/** A one-line "name + add" form (new department, new team in a department). */
export function AddByName<Extra extends Record<string, string>>({
  action,
  extra,
  label,
  submitLabel,
  placeholder,
}: {
  action: NameAction<Extra>;
  extra: Extra;
  label: string;
  submitLabel: string;
  placeholder?: string;
}) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const add = useAction(action, () => {
    formRef.current?.reset();
    router.refresh();
  });
  const errors = add.errorsFor("name") ?? (add.error && !add.fieldErrors ? [add.error] : undefined);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void add.run({ ...extra, name: String(new FormData(event.currentTarget).get("name") ?? "") });
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <div className="min-w-48 flex-1 sm:max-w-xs">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <Input
          id={id}
          name="name"
          placeholder={placeholder ?? label}
          autoComplete="off"
          aria-invalid={!!errors}
          aria-describedby={describedBy(id, errors)}
          className="h-8"
        />
        {errors ? (
          <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={add.pending}>
        <Plus aria-hidden className="h-4 w-4" /> {submitLabel}
      </Button>
    </form>
  );
}

/**
 * Shows a name with a rename button; renaming swaps it for an input in place. `heading` renders
 * the name as that heading (with `headingId`), so the button is not part of the heading's text.
 */
export function RenameInPlace({
  id,
  name,
  action,
  label,
  className,
  heading,
  headingId,
}: {
  id: string;
  name: string;
  action: NameAction<{ id: string }>;
  label: string;
  className?: string;
  heading?: "h2" | "h3";
  headingId?: string;
}) {
  const t = useTranslations("common");
  const inputId = useId();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const rename = useAction(action, () => {
    setEditing(false);
    router.refresh();
  });
  const errors = rename.errorsFor("name") ?? (rename.error && !rename.fieldErrors ? [rename.error] : undefined);

  if (!editing) {
    const Name = heading ?? "span";
    return (
      <span className="inline-flex items-center gap-1">
        <Name id={headingId} className={className}>
          {name}
        </Name>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`${label}: ${name}`}
          title={label}
          onClick={() => setEditing(true)}
          className="px-1.5 text-muted hover:text-slate-700"
        >
          <Pencil aria-hidden className="h-3.5 w-3.5" />
        </Button>
      </span>
    );
  }
  return (
    <form
      noValidate
      className="flex flex-wrap items-start gap-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        void rename.run({ id, name: String(new FormData(event.currentTarget).get("name") ?? "") });
      }}
    >
      <div>
        <label htmlFor={inputId} className="sr-only">
          {label}
        </label>
        <Input
          id={inputId}
          name="name"
          defaultValue={name}
          autoFocus
          autoComplete="off"
          className="h-7 w-56 py-0.5"
          aria-invalid={!!errors}
          aria-describedby={describedBy(inputId, errors)}
          onKeyDown={(e) => {
            if (e.key === "Escape") setEditing(false);
          }}
        />
        {errors ? (
          <p id={`${inputId}-error`} role="alert" className="mt-1 text-xs text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <Button type="submit" size="sm" variant="primary" disabled={rename.pending}>
        {t("save")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
        {t("cancel")}
      </Button>
    </form>
  );
}

/** A delete button that asks once more in place; `blockedReason` disables it and says why. */
export function DeleteWithConfirm({
  id,
  action,
  label,
  question,
  blockedReason,
}: {
  id: string;
  action: IdAction;
  label: string;
  question: string;
  blockedReason?: string;
}) {
  const t = useTranslations("common");
  const hintId = useId();
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const remove = useAction(action, () => {
    setAsking(false);
    router.refresh();
  });

  if (!asking) {
    return (
      <span className="inline-flex items-center">
        <Button
          variant="ghost"
          size="sm"
          aria-label={label}
          title={blockedReason ?? label}
          disabled={!!blockedReason}
          aria-describedby={blockedReason ? hintId : undefined}
          onClick={() => setAsking(true)}
          className="px-1.5 text-muted hover:text-red-700"
        >
          <Trash2 aria-hidden className="h-3.5 w-3.5" />
        </Button>
        {blockedReason ? (
          <span id={hintId} className="sr-only">
            {blockedReason}
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span role="group" aria-label={label} className="inline-flex flex-wrap items-center gap-1.5 text-xs">
      <span className="text-slate-700">{question}</span>
      <Button size="sm" variant="danger" disabled={remove.pending} onClick={() => void remove.run({ id })}>
        {t("delete")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setAsking(false)}>
        {t("cancel")}
      </Button>
      {remove.error ? (
        <span role="alert" className="text-red-700">
          {remove.error}
        </span>
      ) : null}
    </span>
  );
}
