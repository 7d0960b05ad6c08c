import { eq } from "drizzle-orm";
import { taskActivity, tasks } from "@/db/schema";
import { Invalid } from "@/lib/action/errors";
import type { Work } from "@/lib/effects/unit";
import { historyRows } from "@/lib/history/entries";
import { loadVisibleTask } from "./access";
import { firstWords, MAX_MENTIONS, mentionedIds, withMentionNames } from "./mention-text";
import type { CommentInput } from "./schema";
import { readersById, whoMaySee, type Reader } from "./watch-access";
import { tellOfComment } from "./watch-notices";

/**
 * Anyone who may see a task may comment on it. A comment is activity, not a change: it moves
 * "last activity" but not the version, so reminders already planned stay valid.
 *
 * Mentions (`<@user-id>`, see mention-text.ts) name colleagues who are told. Someone who may not
 * see the task must not learn of it from a mention, so such a comment is refused as a whole,
 * naming who cannot see it, and nothing is written: the author removes the mention or first
 * gets that person involved. An unknown or deactivated account is refused the same way.
 * The task's watchers hear of the comment too; a watcher who is mentioned gets the mention only.
 */
export async function commentOnTask(work: Work, input: CommentInput): Promise<{ id: string; commentId: number }> {
  const { tx, viewer, now } = work;
  const { task } = await loadVisibleTask(tx, viewer, input.taskId, { lock: true });
  const mentioned = await checkMentions(tx, task.id, mentionedIds(input.comment));

  const [row] = await tx
    .insert(taskActivity)
    .values(historyRows([{ kind: "comment", comment: input.comment }], viewer.id, now).map((r) => ({ ...r, taskId: task.id })))
    .returning({ id: taskActivity.id });
  await tx.update(tasks).set({ lastActivityAt: now }).where(eq(tasks.id, task.id));

  const names = new Map(mentioned.map((m) => [m.id, m.name]));
  const excerpt = firstWords(withMentionNames(input.comment, names, ""));
  await tellOfComment(work, task, viewer, { id: row!.id, excerpt }, mentioned);
  return { id: task.id, commentId: row!.id };
}

async function checkMentions(tx: Work["tx"], taskId: string, ids: string[]): Promise<Reader[]> {
  if (!ids.length) return [];
  if (ids.length > MAX_MENTIONS) throw new Invalid("tasks.errors.tooManyMentions", { comment: ["tasks.errors.tooManyMentions"] });
  const people = await readersById(tx, ids);
  const readers = ids.map((id) => people.get(id)).filter((p): p is Reader => p !== undefined && p.active);
  if (readers.length !== ids.length) throw new Invalid("tasks.errors.mentionUnknown", { comment: ["tasks.errors.mentionUnknown"] });
  const seeing = await whoMaySee(tx, taskId, readers);
  const blind = readers.filter((p) => !seeing.has(p.id));
  if (blind.length) throw new Invalid("tasks.errors.mentionCannotSee").with({ names: blind.map((p) => p.name).join(", ") });
  return readers;
}
