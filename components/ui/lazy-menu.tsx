"use client";

import { Suspense, useState, type ComponentType, type ReactNode } from "react";

/**
 * A menu button whose menu (Radix's dropdown and its positioning, about 20 KB gzipped) loads on
 * first use: every page's first load carries only the button. Pointing at or focusing the button
 * starts the download; a click, Enter, Space or ArrowDown mounts the menu open, and from then on it
 * is the real menu's own trigger.
 */
export function LazyMenu<P extends object>({
  load,
  menu: Menu,
  props,
  className,
  label,
  children,
}: {
  /** The dynamic import of the menu's module, to start the download early. */
  load: () => Promise<unknown>;
  /** The same module through React.lazy; it gets `props`, `trigger` (the button's face) and opens at once. */
  menu: ComponentType<P & { trigger: ReactNode; className?: string; label?: string }>;
  props: P;
  className: string;
  label?: string;
  children: ReactNode;
}) {
  const [wanted, setWanted] = useState(false);
  const button = (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      aria-label={label}
      className={className}
      onPointerEnter={() => void load()}
      onFocus={() => void load()}
      onClick={() => setWanted(true)}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          setWanted(true);
        }
      }}
    >
      {children}
    </button>
  );
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <Menu {...props} trigger={children} className={className} label={label} />
    </Suspense>
  );
}
