import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider, type IntlError } from "next-intl";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { NotificationBell } from "./notification-bell";

// The menu rendered open and inline (Radix renders a closed menu's items nowhere), no router, no server actions.
vi.mock("@radix-ui/react-dropdown-menu", () => {
  const pass = ({ children }: { children?: ReactNode }) => <div>{children}</div>;
  return { Root: pass, Trigger: pass, Portal: pass, Content: pass, Item: pass };
});
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));
vi.mock("next/link", () => ({ default: ({ children, href }: { children?: ReactNode; href: string }) => <a href={href}>{children}</a> }));
vi.mock("@/lib/notify/actions", () => ({ markAllNotificationsReadAction: async () => ({}), markNotificationReadAction: async () => ({}) }));

describe("the bell", () => {
  it("gives next-intl a now for the notices' relative times, so rendering logs no error", () => {
    const errors: IntlError[] = [];
    const client = new QueryClient();
    client.setQueryData(["notifications"], {
      unread: 1,
      items: [
        {
          id: "n1",
          kind: "task.assigned",
          priority: "high",
          title: "Nowe zadanie #18",
          body: "",
          link: "/tasks/1",
          createdAt: "2026-12-01T10:00:00.000Z",
          readAt: null,
          actorName: null,
        },
      ],
    });
    const html = renderToString(
      <NextIntlClientProvider locale="pl" messages={messages.pl} timeZone="Europe/Warsaw" onError={(error) => errors.push(error)}>
        <QueryClientProvider client={client}>
          <NotificationBell />
        </QueryClientProvider>
      </NextIntlClientProvider>,
    );
    expect(html).toContain("Nowe zadanie #18");
    expect(errors.map((e) => e.code)).toEqual([]);
  });
});
