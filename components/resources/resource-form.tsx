"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxField, describedBy, Field, Input, Select, Textarea } from "@/components/ui/field";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { useAction } from "@/components/ui/use-action";
import { createResourceAction } from "@/lib/resources/actions";
import { RESOURCE_KINDS } from "@/lib/resources/types";

const TEXT_FIELDS = [
  { name: "name", type: "text" },
  { name: "location", type: "text" },
  { name: "capacity", type: "number" },
  { name: "maxBookingMinutes", type: "number" },
  { name: "bookableFrom", type: "time" },
  { name: "bookableUntil", type: "time" },
] as const;

/** The admins' form for a new resource: what it is, where, and its optional booking rules. */
export function ResourceForm({ departments }: { departments: { id: string; name: string }[] }) {
  const t = useTranslations("resources.admin");
  const kinds = useTranslations("resources.kind");
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [departmentsOnly, setDepartmentsOnly] = useState(false);
  const [saved, setSaved] = useState(false);
  const create = useAction(createResourceAction, () => {
    formRef.current?.reset();
    setDepartmentsOnly(false);
    setSaved(true);
    router.refresh();
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    void create.run({
      name: text("name"),
      kind: text("kind") as (typeof RESOURCE_KINDS)[number],
      location: text("location"),
      capacity: text("capacity"),
      description: text("description"),
      maxBookingMinutes: text("maxBookingMinutes"),
      bookableFrom: text("bookableFrom"),
      bookableUntil: text("bookableUntil"),
      departmentsOnly,
      departmentIds: departmentsOnly ? data.getAll("departmentIds").map(String) : [],
    });
  }

  const control = (name: string) => ({
    id: `${id}-${name}`,
    name,
    "aria-invalid": !!create.errorsFor(name),
    "aria-describedby": describedBy(`${id}-${name}`, create.errorsFor(name)),
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("newResource")}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-kind`} label={t("field.kind")} errors={create.errorsFor("kind")}>
          <Select {...control("kind")} defaultValue="room">
            {RESOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kinds(k)}
              </option>
            ))}
          </Select>
        </Field>
        {TEXT_FIELDS.map((f) => (
          <Field key={f.name} id={`${id}-${f.name}`} label={t(`field.${f.name}`)} errors={create.errorsFor(f.name)}>
            <Input {...control(f.name)} type={f.type} autoComplete="off" {...(f.type === "number" ? { min: 1, inputMode: "numeric" as const } : {})} />
          </Field>
        ))}
      </div>
      <Field id={`${id}-description`} label={t("field.description")} errors={create.errorsFor("description")}>
        <Textarea {...control("description")} rows={2} />
      </Field>
      <CheckboxField id={`${id}-departmentsOnly`} label={t("field.departmentsOnly")} checked={departmentsOnly} onChange={setDepartmentsOnly} />
      {departmentsOnly ? (
        <fieldset className="space-y-1" aria-describedby={describedBy(`${id}-departmentIds`, create.errorsFor("departmentIds"))}>
          <legend className="text-xs font-medium text-slate-700">{t("field.departments")}</legend>
          {departments.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="departmentIds" value={d.id} className="focus-visible:ring-2 focus-visible:ring-brand-500" />
              {d.name}
            </label>
          ))}
          {create.errorsFor("departmentIds") ? (
            <p id={`${id}-departmentIds-error`} role="alert" className="text-xs text-red-700">
              {create.errorsFor("departmentIds")!.join(" ")}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <FormAlert error={create.fieldErrors ? undefined : create.error} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={create.pending}>
          {t("create")}
        </Button>
        <SavedNote show={saved && !create.error}>{t("created")}</SavedNote>
      </div>
    </form>
  );
}
