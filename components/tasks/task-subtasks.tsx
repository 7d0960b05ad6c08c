import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import { getInstantFormat } from "@/lib/i18n/viewer-format";
import type { Priority } from "@/lib/org/vocabulary";
import type { ParentOfTask, Subtasks } from "@/lib/tasks/subtasks";
import { instantToWallClock } from "@/lib/time/zoned";
import { DueLabel } from "./due-label";
import { SubtaskForm } from "./subtask-form";
import { StatusBadge } from "./task-labels";

/**
 * The parent's subtasks as the viewer may see them (the others only counted), "2 of 5 done", and
 * for the parent's delegator and assignee the form to add one. A server component.
 */
export async function TaskSubtasks({
  parent,
  subtasks,
  canAdd,
  timeZone,
}: {
  parent: { id: string; priority: Priority; dueAt: Date | null };
  subtasks: Subtasks;
  canAdd: boolean;
  timeZone: string;
}) {
  const [t, formatInstant] = await Promise.all([getTranslations("tasks.subtasks"), getInstantFormat()]);
  const { rows, hidden, total, done } = subtasks;
  return (
    <div className="space-y-3">
      {total ? (
        <p className="text-sm font-medium text-slate-800" data-testid="subtask-progress">
          {t("progress", { done, total })}
        </p>
      ) : null}
      {rows.length ? (
        <Table caption={t("heading")}>
          <thead>
            <tr>
              <Th>{t("number")}</Th>
              <Th>{t("title")}</Th>
              <Th>{t("assignee")}</Th>
              <Th>{t("due")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id}>
                <Td className="text-xs text-slate-500 tabular-nums">#{row.number}</Td>
                <Td>
                  <Link href={`/tasks/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.title}
                  </Link>
                </Td>
                <Td>{row.assignee.name}</Td>
                <Td>
                  <DueLabel dueAt={row.dueAt} overdue={row.overdue} />
                </Td>
                <Td>
                  <StatusBadge status={row.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {hidden ? <p className="text-sm text-slate-600">{t("hidden", { count: hidden })}</p> : null}
      {!rows.length && !hidden ? <p className="text-sm text-slate-500">{canAdd ? t("emptyCanAdd") : t("empty")}</p> : null}
      {canAdd ? (
        <SubtaskForm
          parentId={parent.id}
          parentPriority={parent.priority}
          parentDue={parent.dueAt ? { local: instantToWallClock(parent.dueAt, timeZone), label: formatInstant(parent.dueAt) } : null}
          timeZone={timeZone}
        />
      ) : null}
    </div>
  );
}

/** On a subtask's page: the task it belongs to, linked when the viewer may see it, otherwise only that there is one. */
export async function SubtaskParent({ parent }: { parent: ParentOfTask }) {
  const t = await getTranslations("tasks.subtasks");
  if (!parent.visible) return <p className="mb-1 text-xs text-slate-500">{t("partOfHidden")}</p>;
  return (
    <p className="mb-1 text-xs text-slate-600">
      {t("partOf")}{" "}
      <Link href={`/tasks/${parent.id}`} className="font-medium text-brand-700 hover:underline">
        #{parent.number} {parent.title}
      </Link>
    </p>
  );
}
