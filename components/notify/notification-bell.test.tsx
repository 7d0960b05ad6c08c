import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider, type IntlError } from "next-intl";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";
import { messages } from "@/lib/i18n/messages";
import { NotificationBell } from "./notification-bell";
import NotificationBellMenu from "./notification-bell-menu";

// The menu rendered open and inline (Radix renders a closed menu's items nowhere), no router, no server actions.
vi.mock("@radix-ui/react-dropdown-menu", () => {
  const pass = ({ children }: { children?: ReactNode }) => <div>{children}</div>;
  return { Root: pass, Trigger: pass, Portal: pass, Content: pass, Item: pass };
});
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));
vi.mock("next/link", () => ({ default: ({ children, href }: { children?: ReactNode; href: string }) => <a href={href}>{children}</a> }));
vi.mock("@/lib/notify/actions", () => ({ markAllNotificationsReadAction: async () => ({}), markNotificationReadAction: async () => ({}) }));

describe("the bell", () => {
  it("gives next-intl a now for the notices' relative times, so rendering logs no error, with the messages the browser gets", () => {
    const errors: IntlError[] = [];
    const items = [
      {
        id: "n1",
        kind: "task.assigned",
        priority: "high" as const,
        title: "Nowe zadanie #18",
        body: "",
        link: "/tasks/1",
        createdAt: "2026-12-01T10:00:00.000Z",
        at: "01.12.2026, 11:00",
        readAt: null,
        actorName: null,
      },
    ];
    const html = renderToString(
      <NextIntlClientProvider
        locale="pl"
        messages={pickMessages(messages.pl, CLIENT_NAMESPACES)}
        timeZone="Europe/Warsaw"
        onError={(error) => errors.push(error)}
      >
        <NotificationBellMenu items={items} unread={1} onRead={() => {}} onReadAll={() => {}} trigger="bell" />
      </NextIntlClientProvider>,
    );
    expect(html).toContain("Nowe zadanie #18");
    expect(html).toContain("Oznacz wszystkie");
    expect(errors.map((e) => e.code)).toEqual([]);
  });

  it("draws only its button and unread count until it is first opened", () => {
    const client = new QueryClient();
    client.setQueryData(["notifications"], { unread: 3, items: [] });
    const html = renderToString(
      <NextIntlClientProvider locale="pl" messages={pickMessages(messages.pl, CLIENT_NAMESPACES)} timeZone="Europe/Warsaw">
        <QueryClientProvider client={client}>
          <NotificationBell />
        </QueryClientProvider>
      </NextIntlClientProvider>,
    );
    expect(html).toMatch(/aria-haspopup="menu"/);
    expect(html).toContain(">3<");
    expect(html).not.toContain("Pokaż wszystkie");
  });
});
