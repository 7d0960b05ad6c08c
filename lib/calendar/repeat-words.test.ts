import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/calendar.json";
import pl from "@/lib/i18n/messages/pl/calendar.json";
import type { Repeat } from "@/lib/calendar/repeat";
import { describeRepeat } from "./repeat-words";

const words = (locale: "en" | "pl", repeat: Repeat, startDate: string) => {
  const t = createTranslator({ locale, messages: locale === "en" ? en : pl, namespace: "calendar.form.repeat" }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  return describeRepeat(repeat, startDate, t, (d, withYear) => (withYear ? d : d.slice(5)));
};

const never = { kind: "never" } as const;

describe("describeRepeat", () => {
  it("says a repetition in English", () => {
    expect(words("en", { frequency: "weekly", interval: 2, weekdays: ["TH", "MO"], ends: { kind: "afterCount", count: 10 } }, "2027-03-01")).toBe(
      "Every 2 weeks on Monday and Thursday, 10 times",
    );
    expect(words("en", { frequency: "monthlyOnWeekday", interval: 1, weekdays: [], ends: never }, "2027-01-12")).toBe("Every month on the second Tuesday");
    expect(words("en", { frequency: "workdays", interval: 1, weekdays: [], ends: { kind: "onDate", date: "2027-06-30" } }, "2027-01-12")).toBe(
      "Every working day, until 2027-06-30",
    );
    expect(words("en", { frequency: "daily", interval: 1, weekdays: [], ends: { kind: "afterCount", count: 1 } }, "2027-01-12")).toBe("Every day, once");
    expect(words("en", { frequency: "monthlyOnDate", interval: 3, weekdays: [], ends: never }, "2027-01-15")).toBe("Every 3 months on day 15");
    expect(words("en", { frequency: "monthlyOnWeekday", interval: 1, weekdays: [], ends: never }, "2027-03-29")).toBe("Every month on the last Monday");
    expect(words("en", { frequency: "yearly", interval: 1, weekdays: [], ends: never }, "2027-05-04")).toBe("Every year on 05-04");
  });

  it("says it in Polish", () => {
    expect(words("pl", { frequency: "weekly", interval: 2, weekdays: ["MO", "TH"], ends: { kind: "afterCount", count: 10 } }, "2027-03-01")).toBe(
      "Co 2 tygodnie: poniedziałek i czwartek, 10 razy",
    );
    expect(words("pl", { frequency: "monthlyOnWeekday", interval: 1, weekdays: [], ends: never }, "2027-01-12")).toBe("Co miesiąc: drugi wtorek");
    expect(words("pl", { frequency: "weekly", interval: 5, weekdays: [], ends: { kind: "onDate", date: "2027-06-30" } }, "2027-03-01")).toBe(
      "Co 5 tygodni: poniedziałek, do 2027-06-30",
    );
    expect(words("pl", { frequency: "monthlyOnWeekday", interval: 2, weekdays: [], ends: never }, "2027-01-13")).toBe("Co 2 miesiące: druga środa");
    expect(words("pl", { frequency: "workdays", interval: 1, weekdays: [], ends: never }, "2027-03-01")).toBe("W każdy dzień roboczy");
  });
});
