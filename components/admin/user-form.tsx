"use client";

import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { createUserAction, updateUserAction } from "@/lib/org/actions";
import type { DepartmentSummary } from "@/lib/org/queries";
import { ROLES, type Role, type WorkingMode } from "@/lib/org/vocabulary";
import { LanguageSelect, WorkingModeSelect } from "@/components/settings/person-selects";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { SearchPicker, type PickerItem } from "@/components/ui/search-picker";
import { TeamChoices } from "./team-choices";
import { TimeZoneInput } from "./time-zone-input";

export interface UserFormValues {
  name: string;
  email: string;
  phone: string;
  role: Role;
  title: string;
  departmentId: string;
  teamIds: string[];
  supervisorId: string;
  timeZone: string;
  locale: "pl" | "en";
  workingMode: WorkingMode;
  active: boolean;
}

type Props = {
  values: UserFormValues;
  departments: DepartmentSummary[];
  /** The current supervisor only: the picker searches the others on the server. */
  supervisor: PickerItem | null;
  timeZones: string[];
} & ({ mode: "create" } | { mode: "edit"; id: string; isSelf: boolean });

/** The admin's form for one user: create with an initial password, or edit (optionally resetting it). */
export function UserForm(props: Props) {
  const { values, departments, supervisor, timeZones } = props;
  const t = useTranslations("admin.userForm");
  const tc = useTranslations("common");
  const router = useRouter();
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const create = useAction(createUserAction, (data) => router.push(`/admin/users/${data.id}?created=1`));
  const update = useAction(updateUserAction, () => {
    // The browser's own clock: it only keys the "saved" notice, and the server's clock is not here.
    // eslint-disable-next-line no-restricted-syntax
    setSavedAt(Date.now());
    router.refresh();
  });
  const current = props.mode === "create" ? create : update;
  const isSelf = props.mode === "edit" && props.isSelf;
  const err = (field: string) => current.errorsFor(field);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSavedAt(null);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const fields = {
      name: text("name"),
      email: text("email"),
      phone: text("phone"),
      // An admin's own role and status are not editable here (the controls are disabled).
      role: (isSelf ? values.role : text("role")) as Role,
      title: text("title"),
      departmentId: text("departmentId"),
      teamIds: form.getAll("teamIds").map(String),
      supervisorId: text("supervisorId"),
      timeZone: text("timeZone"),
      locale: text("locale") as UserFormValues["locale"],
      workingMode: text("workingMode") as WorkingMode,
      active: isSelf ? values.active : form.get("active") === "on",
    };
    if (props.mode === "create") void create.run({ ...fields, password: text("password") });
    else void update.run({ ...fields, id: props.id, newPassword: text("newPassword") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={props.mode === "create" ? t("createLabel") : t("editLabel")}>
      <FormAlert error={current.error} />
      <Card title={t("account")}>
        <div className="grid gap-3 md:grid-cols-2">
          <Field id="user-name" label={t("name")} errors={err("name")}>
            <Input
              id="user-name"
              name="name"
              defaultValue={values.name}
              required
              autoComplete="off"
              aria-invalid={!!err("name")}
              aria-describedby={describedBy("user-name", err("name"))}
            />
          </Field>
          <Field id="user-email" label={t("email")} errors={err("email")}>
            <Input
              id="user-email"
              name="email"
              type="email"
              defaultValue={values.email}
              required
              autoComplete="off"
              aria-invalid={!!err("email")}
              aria-describedby={describedBy("user-email", err("email"))}
            />
          </Field>
          <Field id="user-phone" label={t("phone")} hint={t("phoneHint")} errors={err("phone")}>
            <Input
              id="user-phone"
              name="phone"
              type="tel"
              defaultValue={values.phone}
              autoComplete="off"
              aria-invalid={!!err("phone")}
              aria-describedby={describedBy("user-phone", err("phone"), true)}
            />
          </Field>
          <Field id="user-title" label={t("jobTitle")} errors={err("title")}>
            <Input
              id="user-title"
              name="title"
              defaultValue={values.title}
              autoComplete="off"
              aria-invalid={!!err("title")}
              aria-describedby={describedBy("user-title", err("title"))}
            />
          </Field>
        </div>
      </Card>

      <Card title={t("organisation")}>
        <div className="grid gap-3 md:grid-cols-[minmax(0,0.8fr)_minmax(0,1fr)_minmax(0,1.4fr)]">
          <Field id="user-role" label={t("role")} hint={isSelf ? t("ownRoleHint") : undefined} errors={err("role")}>
            <Select
              id="user-role"
              name="role"
              defaultValue={values.role}
              disabled={isSelf}
              aria-invalid={!!err("role")}
              aria-describedby={describedBy("user-role", err("role"), isSelf)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {tc(`role.${role}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="user-department" label={t("department")} errors={err("departmentId")}>
            <Select
              id="user-department"
              name="departmentId"
              defaultValue={values.departmentId}
              aria-invalid={!!err("departmentId")}
              aria-describedby={describedBy("user-department", err("departmentId"))}
            >
              <option value="">{t("noDepartment")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="user-supervisor" label={t("supervisor")} hint={t("supervisorHint")} errors={err("supervisorId")}>
            <SearchPicker
              id="user-supervisor"
              name="supervisorId"
              source="people"
              // Nobody supervises themself: their own account is not offered.
              params={{ scope: "supervisor", exclude: props.mode === "edit" ? props.id : undefined }}
              defaultValue={supervisor}
              emptyLabel={t("noSupervisor")}
              aria-invalid={!!err("supervisorId")}
              aria-describedby={describedBy("user-supervisor", err("supervisorId"), true)}
            />
          </Field>
        </div>
        <TeamChoices departments={departments} selected={values.teamIds} errors={err("teamIds")} />
      </Card>

      <Card title={t("preferences")}>
        <div className="grid gap-3 md:grid-cols-3">
          <Field id="user-tz" label={t("timeZone")} hint={t("timeZoneHint")} errors={err("timeZone")}>
            <TimeZoneInput id="user-tz" name="timeZone" defaultValue={values.timeZone} zones={timeZones} errors={err("timeZone")} hint />
          </Field>
          <Field id="user-locale" label={t("language")} errors={err("locale")}>
            <LanguageSelect id="user-locale" name="locale" defaultValue={values.locale} />
          </Field>
          <Field id="user-mode" label={t("workingMode")} errors={err("workingMode")}>
            <WorkingModeSelect id="user-mode" name="workingMode" defaultValue={values.workingMode} />
          </Field>
        </div>
      </Card>

      <Card title={t("access")}>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="space-y-1">
            <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
              <input
                type="checkbox"
                name="active"
                defaultChecked={values.active}
                disabled={isSelf}
                aria-describedby="user-active-hint"
                className="h-4 w-4 rounded border-slate-300 text-brand-600 focus-visible:ring-2 focus-visible:ring-brand-200"
              />
              {t("active")}
            </label>
            <p id="user-active-hint" className={err("active") ? "text-xs text-red-700" : "text-xs text-slate-500"}>
              {err("active")?.join(" ") ?? (isSelf ? t("ownActiveHint") : t("activeHint"))}
            </p>
          </div>
          {props.mode === "create" ? (
            <Field id="user-password" label={t("initialPassword")} hint={t("initialPasswordHint")} errors={err("password")}>
              <Input
                id="user-password"
                name="password"
                type="password"
                autoComplete="new-password"
                required
                aria-invalid={!!err("password")}
                aria-describedby={describedBy("user-password", err("password"), true)}
              />
            </Field>
          ) : (
            <Field id="user-new-password" label={t("newPassword")} hint={t("newPasswordHint")} errors={err("newPassword")}>
              <Input
                id="user-new-password"
                name="newPassword"
                type="password"
                autoComplete="new-password"
                aria-invalid={!!err("newPassword")}
                aria-describedby={describedBy("user-new-password", err("newPassword"), true)}
              />
            </Field>
          )}
        </div>
      </Card>

      <div className="flex items-center justify-end gap-3">
        <SavedNote show={savedAt !== null && !current.pending}>{tc("saved")}</SavedNote>
        <Link href="/admin/users" className={buttonClass("secondary")}>
          {tc("cancel")}
        </Link>
        <Button type="submit" variant="primary" disabled={current.pending}>
          {current.pending ? tc("saving") : props.mode === "create" ? t("createSubmit") : tc("save")}
        </Button>
      </div>
    </form>
  );
}
