import { clsx } from "clsx";
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** Dense data table: the default way Baton shows lists. */
export function Table({ children, caption }: { children: ReactNode; caption?: string }) {
  return (
    // relative: what is absolutely placed in a cell (sr-only text) scrolls with the table instead of widening the page.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={clsx("ui-th", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={clsx("px-3 py-1.5 align-middle text-slate-800", className)} {...props} />;
}
