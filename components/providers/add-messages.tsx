"use client";

import { useMemo } from "react";
import { NextIntlClientProvider, useLocale, useMessages, type AbstractIntlMessages } from "next-intl";
import { mergeMessages } from "@/lib/i18n/client-messages";

/** The surrounding provider's messages with `messages` added (a nested provider would replace them, not add). */
export function AddMessages({ messages, children }: { messages: AbstractIntlMessages; children: React.ReactNode }) {
  const outer = useMessages();
  const locale = useLocale();
  const merged = useMemo(() => mergeMessages(outer, messages), [outer, messages]);
  return (
    <NextIntlClientProvider locale={locale} messages={merged}>
      {children}
    </NextIntlClientProvider>
  );
}
