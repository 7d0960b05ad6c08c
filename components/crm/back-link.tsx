import Link from "@/components/ui/link";
import { ChevronLeft } from "lucide-react";

export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="mb-2 inline-flex items-center gap-0.5 text-xs font-medium text-slate-500 hover:text-slate-800">
      <ChevronLeft aria-hidden className="h-3.5 w-3.5" />
      {children}
    </Link>
  );
}
