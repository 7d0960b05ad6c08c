"use client";

import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";

/** What of a click decides whether the app follows it itself (a DOM MouseEvent has all of it). */
export interface ClickLike {
  defaultPrevented: boolean;
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target: unknown;
}

/** What of the link and of the list around it is read (DOM elements have all of it). */
interface AnchorLike {
  href: string;
  target: string;
  hasAttribute(name: string): boolean;
}
interface ContainerLike {
  contains(other: unknown): boolean;
}

/**
 * Where the app should go itself for this click inside `container`, or null to leave the click to
 * the browser: what next/link decides for one link, here for every plain `<a href>` of a list. Only
 * a plain primary click on a link to this origin, with no target of its own and no download, is
 * taken; a middle click, Ctrl/Cmd/Shift/Alt with a click (new tab, new window, download) and
 * links elsewhere stay the browser's.
 */
export function appNavigationTarget(event: ClickLike, container: ContainerLike, origin: string): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const from = event.target as { closest?: (selector: string) => unknown } | null;
  const anchor = typeof from?.closest === "function" ? (from.closest("a[href]") as AnchorLike | null) : null;
  if (!anchor || !container.contains(anchor)) return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  let url: URL;
  try {
    url = new URL(anchor.href);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A click handler for a container of many plain links (a list's fifty task titles): they are
 * followed as client-side navigations, as next/link's would be, without a next/link per row (each
 * one a component with its own state and ref, on the server's render and in the browser's hydration).
 */
export function useFollowLinks(): (event: MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  return (event) => {
    const href = appNavigationTarget(event, event.currentTarget, window.location.origin);
    if (href === null) return;
    event.preventDefault();
    router.push(href);
  };
}
