"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { SaveRow } from "./save-row";
import { useAction } from "@/components/ui/use-action";
import { saveKindChannelsAction } from "@/lib/notify/actions";
import { ROUTABLE_CHANNELS, type RoutableChannel } from "@/lib/notify/routing";

/** The kinds routed one by one that this form names, with their label in `notifySettings.kinds`. */
const LABELS = {
  "task.watchedStatus": "watchedStatus",
  "task.watchedComment": "watchedComment",
  "task.mentioned": "mentioned",
} as const;
type LabelledKind = keyof typeof LABELS;
const isLabelled = (kind: string): kind is LabelledKind => kind in LABELS;

/**
 * Channels, besides in-app, for each kind routed on its own (news of watched tasks, mentions):
 * a row of checkboxes per kind, saved together. The channels' names come from the page, so this
 * form reads no message namespace of its own besides `notifySettings`.
 */
export function KindChannelsForm({
  initial,
  channelLabels,
}: {
  initial: Record<string, RoutableChannel[]>;
  /** "E-mail", "SMS", "Push" in the reader's language. */
  channelLabels: Record<RoutableChannel, string>;
}) {
  const t = useTranslations("notifySettings");
  const [value, setValue] = useState(initial);
  const { run, pending, error, result } = useAction(saveKindChannelsAction);
  const kinds = Object.keys(value).filter(isLabelled);

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ kinds: value });
      }}
    >
      {kinds.map((kind) => {
        const label = t(`kinds.${LABELS[kind]}`);
        return (
          <fieldset key={kind} className="space-y-1">
            <legend className="text-sm font-medium text-slate-800">{label}</legend>
            <div className="flex flex-wrap gap-4">
              <span className="text-sm text-slate-500">{t("inApp")}</span>
              {ROUTABLE_CHANNELS.map((channel) => (
                <label key={channel} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    className="h-4 w-4 accent-brand-600"
                    checked={value[kind]!.includes(channel)}
                    onChange={(e) =>
                      setValue({
                        ...value,
                        [kind]: e.target.checked ? [...value[kind]!, channel] : value[kind]!.filter((c) => c !== channel),
                      })
                    }
                  />
                  {channelLabels[channel]}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <SaveRow pending={pending} error={error} saved={!!result?.ok} savedText={t("kindsSaved")} />
    </form>
  );
}
