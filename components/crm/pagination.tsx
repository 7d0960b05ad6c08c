import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";

/** Previous/next links that keep the current filters. */
export function Pagination({
  path,
  params,
  page,
  pageSize,
  total,
}: {
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const t = useTranslations("crm.pagination");
  if (total <= pageSize && page === 1) return null;
  const href = (p: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    if (p > 1) query.set("page", String(p));
    const s = query.toString();
    return s ? `${path}?${s}` : path;
  };
  const from = total === 0 ? 0 : Math.min((page - 1) * pageSize + 1, total);
  const to = Math.min(page * pageSize, total);
  const hasNext = page * pageSize < total;
  return (
    <nav aria-label={t("label")} className="mt-3 flex items-center justify-between gap-2 text-xs text-slate-600">
      <span className="tabular-nums">{t("range", { from, to, total })}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={buttonClass("secondary", "sm")} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        {hasNext ? (
          <Link href={href(page + 1)} className={buttonClass("secondary", "sm")} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
