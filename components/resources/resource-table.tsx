import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { ResourceRow } from "@/lib/resources/queries";

/** A column a page adds after the name, kind and place: its header and what it shows per resource. */
export interface ResourceColumn {
  key: string;
  header: ReactNode;
  cell: (resource: ResourceRow) => ReactNode;
  numeric?: boolean;
}

/** Resources as a dense table, each name a link to its calendar: the /resources list and the admins' list. */
export function ResourceTable({ caption, resources, columns }: { caption: string; resources: ResourceRow[]; columns: ResourceColumn[] }) {
  const t = useTranslations("resources");
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>{t("list.name")}</Th>
          <Th>{t("list.kind")}</Th>
          <Th>{t("list.location")}</Th>
          {columns.map((c) => (
            <Th key={c.key}>{c.header}</Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {resources.map((r) => (
          <tr key={r.id}>
            <Td>
              <Link
                href={`/resources/${r.id}`}
                className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
              >
                {r.name}
              </Link>
            </Td>
            <Td>{t(`kind.${r.kind}`)}</Td>
            <Td>{r.location ?? "—"}</Td>
            {columns.map((c) => (
              <Td key={c.key} className={c.numeric ? "tabular-nums" : undefined}>
                {c.cell(r)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
