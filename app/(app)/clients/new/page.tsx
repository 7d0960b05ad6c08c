import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/crm/back-link";
import { ClientForm } from "@/components/crm/client-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("crm.client");
  return { title: t("newTitle") };
}

export default async function NewClientPage() {
  const viewer = await requireViewer();
  const t = await getTranslations("crm");
  return (
    <>
      <BackLink href="/clients">{t("clients.title")}</BackLink>
      <PageHeader title={t("client.newTitle")} description={t("client.newDescription")} />
      <Card className="max-w-3xl">
        <ClientForm
          manager={{ id: viewer.id, label: viewer.name }}
          initial={{ name: "", taxId: "", email: "", phone: "", city: "", address: "", notes: "", accountManagerId: viewer.id }}
        />
      </Card>
    </>
  );
}
