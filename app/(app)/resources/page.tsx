import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("work");
  return { title: t("resourcesTitle") };
}

export default async function Page() {
  const t = await getTranslations("work");
  return (
    <>
      <PageHeader title={t("resourcesTitle")} description={t("resourcesDescription")} />
      <EmptyState title={t("comingTitle")}>{t("comingBody")}</EmptyState>
    </>
  );
}
