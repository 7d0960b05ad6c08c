import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/status-page";

export default async function Forbidden() {
  return <StatusPage code={403} title={(await getTranslations("errors"))("forbidden")} />;
}
