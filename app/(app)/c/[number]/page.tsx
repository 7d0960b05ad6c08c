import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/app/require-viewer";
import { getDb } from "@/db";
import { resolveShortLink } from "@/lib/tasks/short-link";

/** An SMS's link to case #N: its page, or the same 404 as an unknown number. */
export default async function CaseShortLink({ params }: { params: Promise<{ number: string }> }) {
  const viewer = await requireViewer();
  const target = await resolveShortLink(await getDb(), viewer, "c", (await params).number);
  if (!target) notFound();
  redirect(target);
}
