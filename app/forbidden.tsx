import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">403</p>
      <h1>{t("forbidden")}</h1>
      <Link href="/tasks" className={buttonClass("secondary")}>
        Baton
      </Link>
    </main>
  );
}
