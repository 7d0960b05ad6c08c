import type { ReactNode } from "react";

/** Label/value pairs of a record, two columns wide on roomy screens. */
export function DetailList({ items }: { items: { label: ReactNode; value: ReactNode; wide?: boolean }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2.5 sm:grid-cols-2">
      {items.map((item, i) => (
        <div key={i} className={item.wide ? "sm:col-span-2" : undefined}>
          <dt className="text-xs font-medium text-slate-500">{item.label}</dt>
          <dd className="mt-0.5 text-sm break-words text-slate-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
