import type { TaskRepeat } from "./repeat-rule";

/** A translator of the tasks.form.repeat namespace (next-intl's, on the server or in the browser). */
export type TaskRepeatTranslator = (key: string, values?: Record<string, string | number>) => string;

function listOf(items: string[], and: string): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

/** The repetition in words, as the task page and the form say it: "Every week on Monday and Thursday at 08:00". */
export function describeTaskRepeat(repeat: TaskRepeat, t: TaskRepeatTranslator): string {
  const time = repeat.timeOfDay;
  const dayName = (iso: number) => t(`weekdayNames.${iso}`);
  switch (repeat.kind) {
    case "workdays":
      return t("summary.workdays", { time });
    case "weekly":
      return t("summary.weekly", { time, days: listOf(repeat.weekdays.map(dayName), t("and")) });
    case "monthlyOnDate":
      return t("summary.monthlyOnDate", { time, day: repeat.monthDay ?? 1 });
    case "monthlyOnWeekday":
      return t("summary.monthlyOnWeekday", { time, nth: String(repeat.weekOfMonth ?? 1), weekday: dayName(repeat.weekday ?? 1) });
    case "afterCompletion":
      return t("summary.afterCompletion", { time, days: repeat.afterDays ?? 0 });
  }
}
