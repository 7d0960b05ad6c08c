import { WEEKDAYS, weekOfMonth, weekdayOf, type Repeat } from "./repeat";

/** A translator of the calendar.form.repeat namespace. */
export type RepeatTranslator = (key: string, values?: Record<string, string | number>) => string;

const FEMININE = new Set(["WE", "SA", "SU"]);

function listOf(items: string[], and: string): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

/**
 * The repetition in words, as the form shows it under its controls: "Every 2 weeks on Monday and
 * Thursday, 10 times". `startDate` is the first occurrence's local date (it names the day of a
 * monthly or yearly series); `formatDate` writes a local date as the reader does.
 */
export function describeRepeat(repeat: Repeat, startDate: string, t: RepeatTranslator, formatDate: (localDate: string, withYear: boolean) => string): string {
  const n = repeat.interval;
  const weekday = t(`weekdayNames.${weekdayOf(startDate)}`);
  let rule: string;
  switch (repeat.frequency) {
    case "weekly": {
      const days = repeat.weekdays.length ? WEEKDAYS.filter((d) => repeat.weekdays.includes(d)) : [weekdayOf(startDate)];
      rule = t("summary.weekly", {
        n,
        days: listOf(
          days.map((d) => t(`weekdayNames.${d}`)),
          t("and"),
        ),
      });
      break;
    }
    case "monthlyOnDate":
      rule = t("summary.monthlyOnDate", { n, day: Number(startDate.slice(8, 10)) });
      break;
    case "monthlyOnWeekday":
      // Polish ordinals follow the weekday's gender ("druga środa", "drugi wtorek").
      rule = t("summary.monthlyOnWeekday", { n, nth: String(weekOfMonth(startDate)), weekday, feminine: FEMININE.has(weekdayOf(startDate)) ? "yes" : "no" });
      break;
    case "yearly":
      rule = t("summary.yearly", { n, date: formatDate(startDate, false) });
      break;
    case "workdays":
      rule = t("summary.workdays");
      break;
    case "daily":
      rule = t("summary.daily", { n });
      break;
  }
  const ends = repeat.ends;
  if (ends.kind === "onDate") return t("summary.onDate", { rule, date: formatDate(ends.date, true) });
  if (ends.kind === "afterCount") return t("summary.afterCount", { rule, count: ends.count });
  return t("summary.never", { rule });
}
