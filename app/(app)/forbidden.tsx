import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/status-page";

/** forbidden() in a signed-in page: rendered on the server inside the app's layout, which already holds the <main>. */
export default async function AppForbidden() {
  return <StatusPage as="div" code={403} title={(await getTranslations("errors"))("forbidden")} />;
}
