import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";

/** Calendar entries tied to a client or a case, shown on their pages. */
export async function RelatedEntries({ clientId, caseId }: { clientId?: string; caseId?: string }) {
  const t = await getTranslations("calendar");
  void clientId;
  void caseId;
  return (
    <Card title={t("related.title")}>
      <EmptyState title={t("related.empty")}>{t("related.hint")}</EmptyState>
    </Card>
  );
}
