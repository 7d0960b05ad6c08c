import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/status-page";

/** notFound() in a signed-in page: rendered on the server inside the app's layout, which already holds the <main>. */
export default async function AppNotFound() {
  return <StatusPage as="div" code={404} title={(await getTranslations("errors"))("notFound")} />;
}
