import { describe, expect, it } from "vitest";
import { appNavigationTarget, type ClickLike } from "./follow-links";

const ORIGIN = "https://baton.example";

function anchor(href: string, attributes: Record<string, string> = {}) {
  return { href, target: attributes.target ?? "", hasAttribute: (name: string) => name in attributes };
}

/** A click on `inner`, an element inside `link` (or on nothing link-like when link is null). */
function click(link: ReturnType<typeof anchor> | null, init: Partial<ClickLike> = {}) {
  const inner = { closest: (selector: string) => (selector === "a[href]" ? link : null) };
  return { defaultPrevented: false, button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, target: inner, ...init };
}

const inside = { contains: () => true };

describe("which clicks in a list the app follows itself", () => {
  it("takes a plain click on a link of this origin, with its query and fragment", () => {
    expect(appNavigationTarget(click(anchor(`${ORIGIN}/tasks/7?tab=history#c2`)), inside, ORIGIN)).toBe("/tasks/7?tab=history#c2");
  });

  it("leaves new-tab, new-window and download clicks to the browser", () => {
    const link = anchor(`${ORIGIN}/tasks/7`);
    for (const init of [{ button: 1 }, { button: 2 }, { metaKey: true }, { ctrlKey: true }, { shiftKey: true }, { altKey: true }, { defaultPrevented: true }]) {
      expect(appNavigationTarget(click(link, init), inside, ORIGIN)).toBeNull();
    }
  });

  it("leaves other origins, targets, downloads and broken addresses to the browser", () => {
    expect(appNavigationTarget(click(anchor("https://evil.example/tasks/7")), inside, ORIGIN)).toBeNull();
    // Same host, other scheme or port: another origin.
    expect(appNavigationTarget(click(anchor("http://baton.example/tasks/7")), inside, ORIGIN)).toBeNull();
    expect(appNavigationTarget(click(anchor("https://baton.example:8443/tasks/7")), inside, ORIGIN)).toBeNull();
    expect(appNavigationTarget(click(anchor(`${ORIGIN}/tasks/7`, { target: "_blank" })), inside, ORIGIN)).toBeNull();
    expect(appNavigationTarget(click(anchor(`${ORIGIN}/api/export/tasks`, { download: "" })), inside, ORIGIN)).toBeNull();
    expect(appNavigationTarget(click(anchor("not a url")), inside, ORIGIN)).toBeNull();
    expect(appNavigationTarget(click(anchor(`${ORIGIN}/tasks/7`, { target: "_self" })), inside, ORIGIN)).toBe("/tasks/7");
  });

  it("ignores clicks outside any link, or on a link outside the list", () => {
    expect(appNavigationTarget(click(null), inside, ORIGIN)).toBeNull();
    expect(appNavigationTarget({ ...click(null), target: null }, inside, ORIGIN)).toBeNull();
    expect(appNavigationTarget(click(anchor(`${ORIGIN}/tasks/7`)), { contains: () => false }, ORIGIN)).toBeNull();
  });
});
