import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";

/**
 * A client component's first render as the server sends it, with the messages the browser gets in
 * `locale` (so a text the browser would lack is missing here too) and a query client.
 */
export function renderHtml(node: ReactNode, locale: Locale = "pl"): string {
  return renderToString(
    <NextIntlClientProvider locale={locale} messages={pickMessages(messages[locale], CLIENT_NAMESPACES)} timeZone="Europe/Warsaw">
      <QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>
    </NextIntlClientProvider>,
  );
}

/** The first tag of `html` matching `pattern` (`/<input[^>]*id="title"[^>]*>/`); a missing one fails the test. */
export function tagIn(html: string, pattern: RegExp): string {
  const found = html.match(pattern)?.[0];
  if (!found) throw new Error(`no ${pattern} in ${html}`);
  return found;
}

/** The `<input>` with this id. */
export function inputIn(html: string, id: string): string {
  return tagIn(html, new RegExp(`<input[^>]*id="${id}"[^>]*>`));
}
