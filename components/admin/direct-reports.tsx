import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { UserForEdit } from "@/lib/org/queries";

/** Who reports to this user: the people whose overdue work escalates to them. */
export async function DirectReports({ reports }: { reports: UserForEdit["directReports"] }) {
  const t = await getTranslations("admin.userForm");
  return (
    <Card title={t("directReports", { count: reports.length })} className="self-start">
      {reports.length ? (
        <ul className="-my-1 divide-y divide-slate-100">
          {reports.map((r) => (
            <li key={r.id} className="py-1.5">
              <Link href={`/admin/users/${r.id}`} className="text-sm font-medium text-slate-800 hover:text-brand-700 hover:underline">
                {r.name}
              </Link>
              {!r.active ? <Badge className="ml-1.5">{t("inactiveNote")}</Badge> : null}
              {r.title ? <div className="text-xs text-slate-500">{r.title}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("noDirectReports")}</p>
      )}
    </Card>
  );
}
