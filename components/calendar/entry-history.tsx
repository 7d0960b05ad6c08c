import { CalendarClock, Check, Pencil, Plus, UserMinus, UserPlus, X } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { HistoryTimeline } from "@/components/ui/history-timeline";
import type { EntryHistoryRow } from "@/lib/calendar/queries";
import type { AttendeeResponse, EntryTime } from "@/lib/calendar/types";
import { formatInstantFor, type InstantReader } from "@/lib/i18n/format-for";
import { formatEntryTime } from "@/lib/calendar/entry-format";

const ICON = { created: Plus, changed: Pencil, cancelled: X, answered: Check, attendee_added: UserPlus, attendee_removed: UserMinus } as const;
const FIELDS = ["title", "description", "location", "visibility", "clientId", "caseId", "time", "resources"] as const;

/** A time as the history keeps it ("start/end" instants or "first/after-last" dates), read as the reader reads times. */
function historyTime(raw: string, reader: InstantReader): string {
  const [a, b] = raw.split("/");
  if (!a || !b) return raw;
  const time: EntryTime = a.includes("T") ? { allDay: false, start: a, end: b } : { allDay: true, startDate: a, endDate: b };
  return formatEntryTime(time, reader);
}

/** Who created, changed, moved, answered or cancelled the entry, and when; old → new for what reads as text. */
export async function EntryHistory({ rows, reader }: { rows: EntryHistoryRow[]; reader: InstantReader }) {
  const t = await getTranslations("calendar");
  if (!rows.length) return <p className="text-sm text-slate-500">{t("detail.noHistory")}</p>;
  const value = (field: string | null, raw: string | null): string | null => {
    if (raw === null || raw === "") return "—";
    if (field === "time") return historyTime(raw, reader);
    if (field === "visibility") return raw === "private" ? t("detail.privateBadge") : t("detail.normal");
    if (field === "title" || field === "location" || field === "resources") return raw;
    return null;
  };
  const items = rows.map((row, i) => {
    const field = (FIELDS as readonly string[]).includes(row.field ?? "") ? (row.field as (typeof FIELDS)[number]) : null;
    let change: { from: string; to: string } | null = null;
    if (row.kind === "changed") {
      const from = value(row.field, row.oldValue);
      const to = value(row.field, row.newValue);
      change = from !== null && to !== null ? { from, to } : null;
    } else if (row.kind === "answered" && row.newValue) {
      change = { from: row.oldValue ? t(`response.${row.oldValue as AttendeeResponse}`) : "—", to: t(`response.${row.newValue as AttendeeResponse}`) };
    }
    return {
      id: i,
      icon: row.kind === "changed" && row.field === "time" ? CalendarClock : ICON[row.kind],
      tone: row.kind === "cancelled" ? "bg-red-100 text-red-700" : row.kind === "answered" ? "bg-emerald-100 text-emerald-700" : undefined,
      actor: row.actorName ?? "—",
      what: row.kind === "changed" ? t("detail.changedField", { field: field ? t(`detail.fields.${field}`) : "—" }) : t(`detail.historyKinds.${row.kind}`),
      at: row.at,
      atLabel: formatInstantFor(row.at, reader),
      change,
    };
  });
  return <HistoryTimeline items={items} />;
}
