import { describe, expect, it } from "vitest";
import { feedClientOf, subscribeLinks } from "./clients";

describe("feed clients", () => {
  it.each([
    ["Google-Calendar-Importer", "google"],
    ["Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)", "outlook"],
    ["iOS/17.4 (21E219) dataaccessd/1.0", "apple"],
    ["macOS/14.4 (23E214) CalendarAgent/988", "apple"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.9.0", "thunderbird"],
    ["curl/8.5.0", "other"],
    [null, "other"],
  ])("%s is %s", (agent, client) => expect(feedClientOf(agent)).toBe(client));

  it("builds subscribe links for Outlook on the web, webcal and Google", () => {
    const links = subscribeLinks("https://baton.example.com/api/feeds/abc.ics", "Mój kalendarz");
    expect(links.webcal).toBe("webcal://baton.example.com/api/feeds/abc.ics");
    expect(links.outlookWeb).toBe(
      "https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Fbaton.example.com%2Fapi%2Ffeeds%2Fabc.ics&name=M%C3%B3j%20kalendarz",
    );
    expect(links.google).toBe("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fbaton.example.com%2Fapi%2Ffeeds%2Fabc.ics");
  });
});
