import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { BackLink } from "@/components/crm/back-link";
import { ClientForm } from "@/components/crm/client-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { displayPhone } from "@/lib/phone/display";
import { getClient } from "@/lib/crm/queries";
import { requireViewer } from "@/app/require-viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("crm.client");
  return { title: t("editTitle") };
}

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const viewer = await requireViewer();
  const db = await getDb();
  const client = await getClient(db, viewer, id);
  if (!client) notFound();
  if (!client.canEdit) forbidden();
  // Only the chosen manager reaches the form; one who has left stays chosen until changed.
  const manager = client.accountManagerId && client.accountManagerName ? { id: client.accountManagerId, label: client.accountManagerName } : null;
  const t = await getTranslations("crm");

  return (
    <>
      <BackLink href={`/clients/${id}`}>{client.name}</BackLink>
      <PageHeader title={t("client.editTitle")} />
      <Card className="max-w-3xl">
        <ClientForm
          manager={manager}
          initial={{
            id,
            name: client.name,
            taxId: client.taxId ?? "",
            email: client.email ?? "",
            phone: displayPhone(client.phone) ?? "",
            city: client.city ?? "",
            address: client.address ?? "",
            notes: client.notes ?? "",
            accountManagerId: client.accountManagerId ?? "",
          }}
        />
      </Card>
    </>
  );
}
