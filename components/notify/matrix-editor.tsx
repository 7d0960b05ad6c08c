"use client";

import { useTranslations } from "next-intl";
import { PRIORITIES, ROUTABLE_CHANNELS, WORKING_MODES, type ChannelMatrix, type RoutableChannel, type WorkingMode } from "@/lib/notify/routing";

/** In the field the phone comes first; elsewhere e-mail does. */
export function orderedChannels(mode: WorkingMode, chosen: RoutableChannel[]): RoutableChannel[] {
  const order: RoutableChannel[] = mode === "field" ? ["sms", "push", "email"] : ["email", "sms", "push"];
  return order.filter((c) => chosen.includes(c));
}

/** A grid of checkboxes: for each working mode and priority, which channels carry notifications. */
export function MatrixEditor({
  value,
  onChange,
  modes = WORKING_MODES,
}: {
  value: ChannelMatrix;
  onChange: (next: ChannelMatrix) => void;
  modes?: readonly WorkingMode[];
}) {
  const t = useTranslations();
  const toggle = (mode: WorkingMode, priority: (typeof PRIORITIES)[number], channel: RoutableChannel) => {
    const current = value[mode][priority];
    const chosen = current.includes(channel) ? current.filter((c) => c !== channel) : [...current, channel];
    onChange({ ...value, [mode]: { ...value[mode], [priority]: orderedChannels(mode, chosen) } });
  };
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      {modes.map((mode) => (
        <fieldset key={mode} className="rounded-md border border-slate-200">
          <legend className="ml-2 px-1 text-xs font-semibold text-slate-700">{t(`common.workingMode.${mode}`)}</legend>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-xs text-slate-500">
                <th scope="col" className="px-3 py-1 text-left font-medium">
                  <span className="sr-only">{t("notifySettings.priorityColumn")}</span>
                </th>
                {ROUTABLE_CHANNELS.map((c) => (
                  <th key={c} scope="col" className="px-2 py-1 text-center font-medium">
                    {t(`inbox.channel.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PRIORITIES.map((priority) => (
                <tr key={priority} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-1 text-left text-xs font-medium text-slate-700">
                    {t(`common.priority.${priority}`)}
                  </th>
                  {ROUTABLE_CHANNELS.map((channel) => (
                    <td key={channel} className="px-2 py-1 text-center">
                      <input
                        type="checkbox"
                        className="h-4 w-4 rounded border-slate-300 accent-brand-600"
                        aria-label={`${t(`inbox.channel.${channel}`)}: ${t(`common.priority.${priority}`)}, ${t(`common.workingMode.${mode}`)}`}
                        checked={value[mode][priority].includes(channel)}
                        onChange={() => toggle(mode, priority, channel)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      ))}
    </div>
  );
}
