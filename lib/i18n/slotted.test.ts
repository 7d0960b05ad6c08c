import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "./messages";
import { SLOT, slotted } from "./slotted";

describe("slotted", () => {
  it.each(["pl", "en"] as const)("labels a row as t() does, in %s", (locale) => {
    const t = createTranslator({ locale, messages: messages[locale], namespace: "tasks.bulk" });
    const label = slotted(t("select", { number: SLOT }));
    for (const number of [1, 7, 999, 1000, 17973, 1234567]) expect(label(number)).toBe(t("select", { number }));
  });

  it("fills every place the argument appears, and leaves a message without it as it is", () => {
    expect(slotted(`${SLOT} and ${SLOT} again`)("x")).toBe("x and x again");
    expect(slotted("no argument here")(5)).toBe("no argument here");
  });
});
