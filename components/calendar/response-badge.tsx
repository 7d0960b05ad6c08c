import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import type { AttendeeResponse } from "@/lib/calendar/types";

const TONE: Record<AttendeeResponse, string> = {
  needs_action: "bg-slate-100 text-slate-700 ring-slate-200",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  tentative: "bg-amber-50 text-amber-900 ring-amber-200",
  declined: "bg-red-50 text-red-800 ring-red-200 line-through",
};

/** An attendee's answer as a small coloured label. */
export function ResponseBadge({ response }: { response: AttendeeResponse }) {
  const t = useTranslations("calendar.response");
  return <span className={clsx("rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset", TONE[response])}>{t(response)}</span>;
}
