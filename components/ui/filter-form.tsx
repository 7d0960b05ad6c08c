"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type ReactNode } from "react";

/**
 * Every list's filter bar behaves alike: a plain GET form (so it works before JavaScript and every
 * filtered view has its own URL) that, with JavaScript, applies as soon as a filter changes: a
 * select, a checkbox, a picker's choice, or a search box once its text is committed (Enter, or
 * leaving the box). The apply button is for browsers without JavaScript only. Empty fields are
 * left out of the URL, so a cleared filter leaves no trace.
 */
export function FilterForm({
  action,
  label,
  role,
  className,
  children,
}: {
  action: string;
  label: string;
  role?: "search";
  className?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    const apply = () => {
      const query = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (typeof value === "string" && value) query.append(key, value);
      const qs = query.toString();
      startTransition(() => router.push(qs ? `${action}?${qs}` : action));
    };
    // Native change events: a text box fires one only when its text is committed, not per keystroke.
    const onChange = (event: Event) => {
      // Typing in a picker is a search; its choice arrives as a change of its hidden input.
      if (event.target instanceof HTMLElement && event.target.getAttribute("role") === "combobox") return;
      apply();
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      apply();
    };
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [action, router]);

  return (
    <form ref={ref} method="get" action={action} role={role} aria-label={label} aria-busy={pending} className={className}>
      {children}
    </form>
  );
}
