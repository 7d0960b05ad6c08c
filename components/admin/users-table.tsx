import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { UserListRow } from "@/lib/org/queries";
import type { Role } from "@/lib/org/vocabulary";

const roleTone: Record<Role, Tone> = { admin: "violet", manager: "blue", member: "slate" };

/** The dense list of users: one row each, the name linking to the edit form. */
export async function UsersTable({ rows }: { rows: UserListRow[] }) {
  const t = await getTranslations("admin.users");
  const tc = await getTranslations("common");
  return (
    <Table caption={t("title")}>
      <thead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("email")}</Th>
          <Th>{t("role")}</Th>
          <Th>{t("department")}</Th>
          <Th>{t("teams")}</Th>
          <Th>{t("supervisor")}</Th>
          <Th className="whitespace-nowrap">{t("workingMode")}</Th>
          <Th>{t("status")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((u) => (
          <tr key={u.id} className={u.active ? "hover:bg-slate-50" : "bg-slate-50/60 text-slate-500 hover:bg-slate-50"}>
            <Td className="max-w-64">
              <Link href={`/admin/users/${u.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                {u.name}
              </Link>
              {u.title ? <div className="truncate text-xs text-slate-500">{u.title}</div> : null}
            </Td>
            <Td className="text-slate-600">{u.email}</Td>
            <Td>
              <Badge tone={roleTone[u.role]}>{tc(`role.${u.role}`)}</Badge>
            </Td>
            <Td>{u.departmentName ?? <span className="text-muted">—</span>}</Td>
            <Td className="max-w-56 text-slate-600">{u.teams.length ? u.teams.join(", ") : <span className="text-muted">—</span>}</Td>
            <Td className="whitespace-nowrap">{u.supervisorName ?? <span className="text-muted">—</span>}</Td>
            <Td className="whitespace-nowrap">{tc(`workingMode.${u.workingMode}`)}</Td>
            <Td>{u.active ? <Badge tone="green">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
