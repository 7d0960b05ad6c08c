import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ChevronLeft } from "lucide-react";

export async function BackLink({ href }: { href: string }) {
  const t = await getTranslations("admin");
  return (
    <Link href={href} className="mb-2 inline-flex items-center gap-1 text-xs font-medium text-slate-500 hover:text-slate-800">
      <ChevronLeft aria-hidden className="h-3.5 w-3.5" /> {t("backToUsers")}
    </Link>
  );
}
