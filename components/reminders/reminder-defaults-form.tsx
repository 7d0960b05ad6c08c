"use client";

import { Plus, X } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert, SavedNote } from "@/components/ui/form-alert";
import { offsetLabel, REMINDER_OFFSETS } from "@/components/tasks/reminder-drafts";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { saveReminderDefaultsAction } from "@/lib/reminders/actions";
import { CHANNELS, type Channel } from "@/lib/org/vocabulary";

interface Row {
  key: number;
  offsetMinutes: number;
  // Empty: the channel the person's routing picks.
  channel: Channel | "";
}

const MAX = 5;

/** A person's default reminders: lead times used on their tasks that have no reminders of their own. */
export function ReminderDefaultsForm({ initial }: { initial: { offsetMinutes: number; channel: Channel | null }[] }) {
  const t = useTranslations("reminders.defaults");
  const tt = useTranslations("tasks");
  const [rows, setRows] = useState<Row[]>(initial.map((r, key) => ({ key, offsetMinutes: r.offsetMinutes, channel: r.channel ?? "" })));
  const [next, setNext] = useState(initial.length);
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction(saveReminderDefaultsAction, () => setSaved(true));
  const change = (key: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void run({ reminders: rows.map((r) => ({ offsetMinutes: r.offsetMinutes, channel: r.channel })) });
      }}
      className="space-y-3"
    >
      {rows.length ? (
        <ul className="space-y-2">
          {rows.map((row, i) => (
            <li key={row.key} className="flex flex-wrap items-center gap-2">
              <Select
                aria-label={`${t("lead")} ${i + 1}`}
                value={row.offsetMinutes}
                onChange={(e) => change(row.key, { offsetMinutes: Number(e.target.value) })}
                className="w-44"
              >
                {REMINDER_OFFSETS.map((m) => (
                  <option key={m} value={m}>
                    {tt("detail.reminderBefore", { offset: offsetLabel(tt, m) })}
                  </option>
                ))}
              </Select>
              <Select
                aria-label={`${t("channel")} ${i + 1}`}
                value={row.channel}
                onChange={(e) => change(row.key, { channel: e.target.value as Channel | "" })}
                className="w-40"
              >
                {(["", ...CHANNELS] as const).map((c) => (
                  <option key={c || "auto"} value={c}>
                    {c ? tt(`channels.${c}`) : t("auto")}
                  </option>
                ))}
              </Select>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`${t("remove")} ${i + 1}`}
                onClick={() => {
                  setSaved(false);
                  setRows((all) => all.filter((r) => r.key !== row.key));
                }}
              >
                <X aria-hidden className="h-3.5 w-3.5" />
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      )}
      <FormAlert error={error} />
      <div className="flex flex-wrap items-center gap-2">
        <Button
          disabled={rows.length >= MAX}
          onClick={() => {
            setSaved(false);
            setRows((all) => [...all, { key: next, offsetMinutes: 60, channel: "" }]);
            setNext(next + 1);
          }}
        >
          <Plus aria-hidden className="h-3.5 w-3.5" />
          {t("add")}
        </Button>
        <Button type="submit" variant="primary" disabled={pending}>
          {t("save")}
        </Button>
        <SavedNote show={saved}>{t("saved")}</SavedNote>
      </div>
    </form>
  );
}
