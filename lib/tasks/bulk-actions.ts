"use server";

import { getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/action/define";
import { isUserError, type MessageParams } from "@/lib/action/errors";
import { bulkCancel, bulkReassign, bulkSetDue, bulkSetPriority, refusalReason } from "./bulk";
import { bulkCancelInput, bulkDueInput, bulkPriorityInput, bulkReassignInput } from "./bulk-schema";

// Every list and every selected task's page show what changed.
const touched = (input: { taskIds: string[] }) => ["/tasks", "/tasks/delegated", "/tasks/team", ...input.taskIds.map((id) => `/tasks/${id}`)];

/**
 * The refusal names the task and says why in the reader's language: the reason is the single
 * edit's own message, translated here into the refusal's `reason`.
 */
async function sayingWhy<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    const reason = isUserError(error) ? refusalReason(error) : undefined;
    if (reason && isUserError(error)) {
      const t = (await getTranslations()) as unknown as { has: (k: string) => boolean; (k: string, params?: MessageParams): string };
      const key = t.has(`errors.${reason.key}`) ? `errors.${reason.key}` : reason.key;
      error.params = { ...error.params, reason: t.has(key) ? t(key, reason.params) : reason.key };
    }
    throw error;
  }
}

export const bulkReassignAction = defineAction(bulkReassignInput, (input, work) => sayingWhy(() => bulkReassign(work, input)), { revalidate: touched });
export const bulkPriorityAction = defineAction(bulkPriorityInput, (input, work) => sayingWhy(() => bulkSetPriority(work, input)), { revalidate: touched });
export const bulkDueAction = defineAction(bulkDueInput, (input, work) => sayingWhy(() => bulkSetDue(work, input)), { revalidate: touched });
export const bulkCancelAction = defineAction(bulkCancelInput, (input, work) => sayingWhy(() => bulkCancel(work, input)), { revalidate: touched });
