"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Dialog } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";
import type { TaskListView } from "@/lib/tasks/lists";
import { deleteTaskViewAction, renameTaskViewAction, saveTaskViewAction, shareTaskViewAction } from "@/lib/tasks/view-actions";
import type { SavedView } from "@/lib/tasks/views";

/** The dialogs of saved-views.tsx, loaded when first opened: a list's first load carries only its chips. */
export default function SavedViewDialog(
  props:
    | { mode: "save"; list: TaskListView; query: string; onClose: () => void }
    | { mode: "manage"; view: SavedView; departments: { id: string; name: string }[]; onClose: () => void },
) {
  return props.mode === "save" ? <SaveViewDialog {...props} /> : <ManageViewDialog {...props} />;
}

function SaveViewDialog({ list, query, onClose }: { list: TaskListView; query: string; onClose: () => void }) {
  const t = useTranslations("tasks.views");
  const router = useRouter();
  const [name, setName] = useState("");
  const save = useAction(saveTaskViewAction, () => {
    onClose();
    router.refresh();
  });
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())} title={t("saveTitle")} closeLabel={t("close")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run({ list, name, query });
        }}
        className="space-y-3"
      >
        <Field id="view-name" label={t("name")} errors={save.errorsFor("name")}>
          <Input
            id="view-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
            aria-invalid={save.errorsFor("name") ? true : undefined}
            aria-describedby={describedBy("view-name", save.errorsFor("name"))}
          />
        </Field>
        <FormAlert error={save.fieldErrors?.name ? undefined : save.error} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={save.pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function ManageViewDialog({ view, departments, onClose }: { view: SavedView; departments: { id: string; name: string }[]; onClose: () => void }) {
  const t = useTranslations("tasks.views");
  const router = useRouter();
  const [name, setName] = useState(view.name);
  const [department, setDepartment] = useState(view.sharedWith?.id ?? "");
  const done = () => {
    onClose();
    router.refresh();
  };
  const rename = useAction(renameTaskViewAction, done);
  const share = useAction(shareTaskViewAction, done);
  const remove = useAction(deleteTaskViewAction, done);
  const canShare = departments.length > 0 || view.sharedWith;
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())} title={t("manage", { name: view.name })} closeLabel={t("close")}>
      <div className="space-y-4">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void rename.run({ viewId: view.id, name });
          }}
          className="flex items-end gap-2"
        >
          <Field id="view-rename" label={t("name")} errors={rename.errorsFor("name")} className="flex-1">
            <Input
              id="view-rename"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={80}
              required
              aria-invalid={rename.errorsFor("name") ? true : undefined}
              aria-describedby={describedBy("view-rename", rename.errorsFor("name"))}
            />
          </Field>
          <Button type="submit" disabled={rename.pending}>
            {t("rename")}
          </Button>
        </form>
        <FormAlert error={rename.fieldErrors?.name ? undefined : rename.error} />
        {canShare ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void share.run({ viewId: view.id, departmentId: department });
            }}
            className="flex items-end gap-2"
          >
            <Field id="view-share" label={t("shareWith")} className="flex-1">
              <Select id="view-share" value={department} onChange={(e) => setDepartment(e.target.value)}>
                <option value="">{t("notShared")}</option>
                {view.sharedWith && !departments.some((d) => d.id === view.sharedWith!.id) ? (
                  <option value={view.sharedWith.id}>{view.sharedWith.name}</option>
                ) : null}
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button type="submit" disabled={share.pending}>
              {t("share")}
            </Button>
          </form>
        ) : null}
        <FormAlert error={share.error} />
        <div className="flex justify-between border-t border-slate-200 pt-3">
          <Button
            variant="danger"
            disabled={remove.pending}
            onClick={() => {
              if (window.confirm(t("confirmDelete", { name: view.name }))) void remove.run({ viewId: view.id });
            }}
          >
            {t("delete")}
          </Button>
          <Button onClick={onClose}>{t("cancel")}</Button>
        </div>
        <FormAlert error={remove.error} />
      </div>
    </Dialog>
  );
}
