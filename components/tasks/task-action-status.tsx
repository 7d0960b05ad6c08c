"use client";

import { CheckCircle2, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

/** How long a confirmation stays on screen; screen readers have announced it by then. */
const SHOWN_MS = 8_000;

const Announce = createContext<(message: string) => void>(() => {});

/**
 * One status line for every action on the task page (start, progress, done, acceptance,
 * hand-over, cancel, reopen, comment). It lives above the panels, so it survives the refresh
 * that follows an action even when the panel that ran it disappears (a finished task has no
 * work panel). The live region is always in the page: a region that appears together with its
 * text is not reliably announced.
 */
export function TaskActionStatusProvider({ children }: { children: React.ReactNode }) {
  const t = useTranslations("tasks.announce");
  const [message, setMessage] = useState<string | null>(null);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);

  const clearTimers = () => {
    for (const timer of timers.current) clearTimeout(timer);
    timers.current = [];
  };
  useEffect(() => clearTimers, []);

  const announce = useCallback((next: string) => {
    clearTimers();
    // Emptied first, so the same text twice in a row is announced twice.
    setMessage(null);
    timers.current.push(
      setTimeout(() => setMessage(next), 50),
      setTimeout(() => setMessage(null), SHOWN_MS),
    );
  }, []);

  return (
    <Announce.Provider value={announce}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4 sm:justify-end">
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="task-action-status">
          {message ? (
            <p className="pointer-events-auto flex items-center gap-2 rounded-md border border-emerald-200 bg-emerald-50 py-1.5 pr-1.5 pl-3 text-sm text-emerald-900 shadow-md">
              <CheckCircle2 aria-hidden className="h-4 w-4 shrink-0 text-emerald-700" />
              <span>{message}</span>
              <button
                type="button"
                onClick={() => {
                  clearTimers();
                  setMessage(null);
                }}
                className="rounded p-1 text-emerald-800 hover:bg-emerald-100 focus-visible:ring-2 focus-visible:ring-emerald-400 focus-visible:outline-none"
              >
                <X aria-hidden className="h-3.5 w-3.5" />
                <span className="sr-only">{t("dismiss")}</span>
              </button>
            </p>
          ) : null}
        </div>
      </div>
    </Announce.Provider>
  );
}

/** Says that an action on the task page went through. */
export function useAnnounce(): (message: string) => void {
  return useContext(Announce);
}
