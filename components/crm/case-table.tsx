import Link from "@/components/ui/link";
import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import type { CaseListRow } from "@/lib/crm/queries";
import { PriorityLabel } from "@/components/ui/priority-label";
import { KindBadge, StatusBadge } from "./case-badges";
import { DueDate } from "./due-date";

/** The dense list of cases used on the case list and on a client's page. */
export function CaseTable({ rows, showClient = true }: { rows: CaseListRow[]; showClient?: boolean }) {
  const t = useTranslations("crm");
  return (
    <Table caption={t("cases.caption")}>
      <thead>
        <tr>
          <Th className="w-16">{t("cases.columns.number")}</Th>
          <Th>{t("cases.columns.title")}</Th>
          {showClient ? <Th>{t("cases.columns.client")}</Th> : null}
          <Th>{t("cases.columns.kind")}</Th>
          <Th>{t("cases.columns.status")}</Th>
          <Th>{t("cases.columns.priority")}</Th>
          <Th>{t("cases.columns.owner")}</Th>
          <Th>{t("cases.columns.due")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((c) => (
          <tr key={c.id} className={clsx("hover:bg-slate-50", c.overdue && "bg-red-50/50 shadow-[inset_3px_0_0_var(--color-red-500)] hover:bg-red-50")}>
            <Td className="text-xs text-slate-500 tabular-nums">{t("caseNumber", { number: c.number })}</Td>
            <Td className="max-w-md min-w-56">
              <Link href={`/cases/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {c.title}
              </Link>
            </Td>
            {showClient ? (
              <Td className="max-w-44 truncate">
                <Link href={`/clients/${c.clientId}`} className="text-slate-700 hover:text-brand-700 hover:underline" title={c.clientName}>
                  {c.clientName}
                </Link>
              </Td>
            ) : null}
            <Td className="whitespace-nowrap">
              <KindBadge kind={c.kind} short />
            </Td>
            <Td className="whitespace-nowrap">
              <StatusBadge status={c.status} />
            </Td>
            <Td>
              <PriorityLabel priority={c.priority} />
            </Td>
            <Td className="whitespace-nowrap text-slate-700">{c.ownerName}</Td>
            <Td className="whitespace-nowrap">
              <DueDate dueAt={c.dueAt} overdue={c.overdue} marker />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
