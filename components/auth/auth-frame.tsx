import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";

/** The signed-out pages' frame (login, forgotten password, reset link, first password): logo, a card, the language switch. */
export function AuthFrame({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-slate-100 to-slate-50 px-4">
      <div className="absolute top-4 right-4">
        <LanguageSwitch />
      </div>
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2.5">
          <span aria-hidden className="flex h-9 w-9 items-center justify-center rounded-lg bg-brand-600 text-base font-bold text-white shadow">
            B
          </span>
          <span className="text-xl font-semibold tracking-tight text-slate-900">Baton</span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-base">{title}</h1>
          {intro ? <p className="mt-1 mb-4 text-sm text-slate-500">{intro}</p> : <div className="mb-4" />}
          {children}
        </div>
      </div>
    </main>
  );
}
