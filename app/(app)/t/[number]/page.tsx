import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/app/require-viewer";
import { getDb } from "@/db";
import { resolveShortLink } from "@/lib/tasks/short-link";

/** An SMS's link to task #N: its page for someone who may see it, otherwise the same 404 as an unknown number. */
export default async function TaskShortLink({ params }: { params: Promise<{ number: string }> }) {
  const viewer = await requireViewer();
  const target = await resolveShortLink(await getDb(), viewer, "t", (await params).number);
  if (!target) notFound();
  redirect(target);
}
