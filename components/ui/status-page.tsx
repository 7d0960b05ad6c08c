import Link from "@/components/ui/link";
import { buttonClass } from "@/components/ui/button";

/**
 * A 403 or 404 answer's content. Inside the signed-in app it sits in the layout's own <main>
 * (`as="div"`); on its own (an unknown address outside the app) it is the page's main landmark.
 */
export function StatusPage({ code, title, as: Tag = "main" }: { code: 403 | 404; title: string; as?: "main" | "div" }) {
  return (
    <Tag className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{code}</p>
      <h1>{title}</h1>
      <Link href="/tasks" className={buttonClass("secondary")}>
        Baton
      </Link>
    </Tag>
  );
}
