import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("work");
  return { title: t("calendarTitle") };
}

export default async function Page() {
  const t = await getTranslations("work");
  return (
    <>
      <PageHeader title={t("calendarTitle")} description={t("calendarDescription")} />
      <EmptyState title={t("comingTitle")}>{t("comingBody")}</EmptyState>
    </>
  );
}
