import { describe, expect, it } from "vitest";
import { addressesOf } from "./inbound-reply";

describe("addressesOf (the addresses of an inbound mail's From and To)", () => {
  it("reads names, quoted names with commas, groups and bare addresses, lower-cased", () => {
    expect(addressesOf("Anna <Anna@Example.com>")).toEqual(["anna@example.com"]);
    expect(addressesOf('"Nowak, Anna" <A.Nowak@Example.com>, b@example.com')).toEqual(["a.nowak@example.com", "b@example.com"]);
    expect(addressesOf("Zespół: jan@example.com, ewa@example.com;")).toEqual(["jan@example.com", "ewa@example.com"]);
    expect(addressesOf("  REPLY+abc@in.baton.example ")).toEqual(["reply+abc@in.baton.example"]);
  });

  it("takes the address, not a display name that looks like one, and nothing from an empty value", () => {
    expect(addressesOf('"reply+forged@in.baton.example" <someone@example.com>')).toEqual(["someone@example.com"]);
    expect(addressesOf("")).toEqual([]);
    expect(addressesOf("Just a name")).toEqual([]);
  });
});
