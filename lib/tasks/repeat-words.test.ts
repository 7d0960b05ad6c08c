import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/tasks.json";
import pl from "@/lib/i18n/messages/pl/tasks.json";
import { createTranslator } from "next-intl";
import type { TaskRepeat } from "./repeat-rule";
import { describeTaskRepeat, type TaskRepeatTranslator } from "./repeat-words";

function translator(messages: typeof en, locale: "pl" | "en"): TaskRepeatTranslator {
  const t = createTranslator({ locale, messages, namespace: "tasks.form.repeat" });
  return (key, values) => (t as unknown as TaskRepeatTranslator)(key, values);
}

const base: TaskRepeat = { kind: "weekly", weekdays: [1, 4], monthDay: null, weekOfMonth: null, weekday: null, afterDays: null, timeOfDay: "08:00" };

describe("describeTaskRepeat", () => {
  it("says each kind in English and Polish", () => {
    const cases: [TaskRepeat, string, string][] = [
      [base, "Every week on Monday and Thursday at 08:00", "Co tydzień: poniedziałek i czwartek, o 08:00"],
      [{ ...base, kind: "workdays", weekdays: [] }, "Every working day at 08:00", "W każdy dzień roboczy o 08:00"],
      [{ ...base, kind: "monthlyOnDate", weekdays: [], monthDay: 5 }, "Every month on day 5 at 08:00", "Co miesiąc 5. dnia o 08:00"],
      [
        { ...base, kind: "monthlyOnWeekday", weekdays: [], weekOfMonth: 2, weekday: 2 },
        "Every month on the second Tuesday at 08:00",
        "Co miesiąc w drugi dzień tygodnia: wtorek, o 08:00",
      ],
      [
        { ...base, kind: "afterCompletion", weekdays: [], afterDays: 3 },
        "3 days after the previous one is done, at 08:00",
        "3 dni po wykonaniu poprzedniego, o 08:00",
      ],
    ];
    for (const [repeat, inEnglish, inPolish] of cases) {
      expect(describeTaskRepeat(repeat, translator(en, "en"))).toBe(inEnglish);
      expect(describeTaskRepeat(repeat, translator(pl, "pl"))).toBe(inPolish);
    }
  });
});
