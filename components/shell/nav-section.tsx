"use client";

import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from "react";
import type { NavKey } from "./nav-links";

type Claim = { section: NavKey | null; claim: (section: NavKey | null) => void };

const NavSectionContext = createContext<Claim>({ section: null, claim: () => {} });

/**
 * Lets a page say which main section it belongs to when its address does not: a task's page
 * (/tasks/:id) belongs to Delegated for the person who delegated it, and to My tasks otherwise.
 */
export function NavSectionProvider({ children }: { children: ReactNode }) {
  const [section, claim] = useState<NavKey | null>(null);
  return <NavSectionContext.Provider value={{ section, claim }}>{children}</NavSectionContext.Provider>;
}

export function useClaimedSection(): NavKey | null {
  return useContext(NavSectionContext).section;
}

/** Rendered by a page: the navigation highlights `section` while the page is shown. */
export function NavSection({ section }: { section: NavKey }) {
  const { claim } = useContext(NavSectionContext);
  useLayoutEffect(() => {
    claim(section);
    return () => claim(null);
  }, [claim, section]);
  return null;
}
