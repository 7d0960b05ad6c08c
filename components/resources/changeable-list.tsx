"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import { BookingManage, type ManagedBooking } from "./booking-manage";
import { EntryBookingActions, type EntryOfBooking } from "./entry-booking-actions";

export interface ChangeableRow extends ManagedBooking {
  /** When, as the viewer reads it. */
  when: string;
  /** The meeting it is part of: changed through the meeting, or removed from it. */
  entry: EntryOfBooking | null;
  /** What the row says of it under its time (its purpose, or that it is part of a private meeting). */
  about: string;
}

/**
 * The list of bookings the viewer may change. A booking whose dialog is open stays listed even
 * when the page, refreshed by the action, no longer has it (cancelled): its dialog offers to
 * restore it until it closes.
 */
export function ChangeableList({
  title,
  hint,
  rows,
  resourceName,
  timeZone,
}: {
  title: string;
  hint: string;
  rows: ChangeableRow[];
  resourceName: string;
  timeZone: string;
}) {
  const [open, setOpen] = useState<ChangeableRow[]>([]);
  const keep = (row: ChangeableRow) => (isOpen: boolean) =>
    setOpen((now) => (isOpen ? [...now.filter((r) => r.id !== row.id), row] : now.filter((r) => r.id !== row.id)));
  const listed = [...rows, ...open.filter((kept) => !rows.some((r) => r.id === kept.id))].sort((a, b) => a.start.localeCompare(b.start));
  if (!listed.length) return null;
  return (
    <Card>
      <section aria-labelledby="changeable-heading" className="space-y-2">
        <div>
          <h2 id="changeable-heading">{title}</h2>
          <p className="text-xs text-slate-600">{hint}</p>
        </div>
        <ul className="divide-y divide-slate-100 text-sm">
          {listed.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
              <span className="min-w-0">
                <span className="block text-slate-800 tabular-nums">{row.when}</span>
                {row.about ? <span className="block text-xs break-words text-slate-600">{row.about}</span> : null}
              </span>
              {row.entry ? (
                <EntryBookingActions bookingId={row.id} label={row.label} resourceName={resourceName} entry={row.entry} onBusyChange={keep(row)} />
              ) : (
                <BookingManage booking={row} resourceName={resourceName} timeZone={timeZone} onOpenChange={keep(row)} />
              )}
            </li>
          ))}
        </ul>
      </section>
    </Card>
  );
}
