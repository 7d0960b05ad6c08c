import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/status-page";

export default async function NotFoundPage() {
  return <StatusPage code={404} title={(await getTranslations("errors"))("notFound")} />;
}
