import { clsx } from "clsx";
import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md";

const variants: Record<Variant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 border-transparent shadow-sm",
  secondary: "bg-white text-slate-800 border-slate-300 hover:bg-slate-50 shadow-sm",
  ghost: "bg-transparent text-slate-700 border-transparent hover:bg-slate-100",
  danger: "bg-white text-red-700 border-red-300 hover:bg-red-50",
};
const sizes: Record<Size, string> = { sm: "h-7 px-2.5 text-xs", md: "h-8 px-3 text-sm" };

export function buttonClass(variant: Variant = "secondary", size: Size = "md", extra?: string): string {
  return clsx(
    "inline-flex items-center justify-center gap-1.5 rounded-md border font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60",
    variants[variant],
    sizes[size],
    extra,
  );
}

export function Button({
  variant = "secondary",
  size = "md",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
