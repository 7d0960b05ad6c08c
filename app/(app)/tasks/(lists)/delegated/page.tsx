import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/app/require-viewer";
import { TaskListPage } from "@/components/tasks/task-list-page";
import { getDb } from "@/db";
import type { SearchParams } from "@/lib/tasks/list-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tasks.list");
  return { title: t("delegatedTitle") };
}

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  return <TaskListPage db={await getDb()} viewer={viewer} view="delegated" searchParams={await searchParams} />;
}
