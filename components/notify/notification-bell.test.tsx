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
  // Roles and ARIA states pass through, so a test can read what assistive technology would.
  const pass = ({ children, ...props }: { children?: ReactNode } & Record<string, unknown>) => (
    <div {...Object.fromEntries(Object.entries(props).filter(([key]) => key === "role" || key.startsWith("aria-")))}>{children}</div>
  );
  return { Root: pass, Trigger: pass, Portal: pass, Content: pass, Item: pass };
});
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));
vi.mock("next/link", () => ({ default: ({ children, href }: { children?: ReactNode; href: string }) => <a href={href}>{children}</a> }));
vi.mock("@/lib/notify/actions", () => ({ markAllNotificationsReadAction: async () => ({}), markNotificationReadAction: async () => ({}) }));
vi.mock("@/lib/calendar/actions", () => ({ answerEntryAction: async () => ({ ok: true, data: {} }) }));

const notice = {
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
  answer: null,
};

describe("the bell", () => {
  it("gives next-intl a now for the notices' relative times, so rendering logs no error, with the messages the browser gets", () => {
    const errors: IntlError[] = [];
    const items = [notice];
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

  it("offers an invitation's answers in the menu as menu radio items, the current one checked, named after the invitation", () => {
    const invitation = {
      ...notice,
      id: "n2",
      kind: "calendar.invited",
      priority: "normal" as const,
      title: "Zaproszenie: Negocjacje",
      link: "/calendar/entries/e1",
      answer: { entryId: "e1", response: "tentative" as const },
    };
    const html = renderToString(
      <NextIntlClientProvider locale="pl" messages={pickMessages(messages.pl, CLIENT_NAMESPACES)} timeZone="Europe/Warsaw">
        <QueryClientProvider client={new QueryClient()}>
          <NotificationBellMenu items={[notice, invitation]} unread={2} onRead={() => {}} onReadAll={() => {}} trigger="bell" />
        </QueryClientProvider>
      </NextIntlClientProvider>,
    );
    expect(html).toContain('role="group" aria-label="Twoja odpowiedź na: Zaproszenie: Negocjacje"');
    expect(html).toMatch(/role="menuitemradio" aria-checked="false">Akceptuj</);
    expect(html).toMatch(/role="menuitemradio" aria-checked="true">Może</);
    expect(html).toMatch(/role="menuitemradio" aria-checked="false">Odrzuć</);
    // The task's notice offers none.
    expect(html.match(/menuitemradio/g)).toHaveLength(3);
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
