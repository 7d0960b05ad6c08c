import { render, toPlainText } from "@react-email/render";
import { NotificationEmail, type NotificationEmailProps } from "./notification-email";

/**
 * The notification e-mail, rendered by React once per language, priority colour and footer, with
 * markers where each notice's own text goes; a notice then costs string replacements instead of
 * a React render (a batch of 100 e-mails must be ready within Resend's half-second turn). The
 * markers are filled with text escaped as React escapes it, so the result is the same document
 * React would render for those props (a unit test compares the two). The text part is read off
 * the layout's HTML once too (toPlainText) and filled the same way, where that is known to give
 * what toPlainText of the whole e-mail gives; otherwise it is read off the e-mail's HTML.
 */

type NoticeProps = Pick<NotificationEmailProps, "heading" | "body" | "eyebrow" | "buttonLabel" | "buttonUrl">;
type LayoutProps = Omit<NotificationEmailProps, keyof NoticeProps | "actions">;

const MARK = {
  heading: "%%BATON_HEADING%%",
  body: "%%BATON_BODY%%",
  eyebrow: "%%BATON_EYEBROW%%",
  buttonLabel: "%%BATON_BUTTON_LABEL%%",
  buttonUrl: "%%BATON_BUTTON_URL%%",
} as const;
// @react-email/components' Preview: the first 150 characters, padded with invisible characters.
const PREVIEW_MAX_LENGTH = 150;
const PREVIEW_PADDING = "\xA0\u200C\u200B\u200D\u200E\u200F\uFEFF";

interface Template {
  /** The document split around the body paragraph, which is repeated per line. */
  before: string;
  paragraph: string;
  after: string;
  /** The layout's text part, with the same markers. */
  text: string;
}

const templates = new Map<string, Promise<Template>>();

async function buildTemplate(layout: LayoutProps): Promise<Template> {
  const html = await render(
    NotificationEmail({ ...layout, heading: MARK.heading, body: MARK.body, eyebrow: MARK.eyebrow, buttonLabel: MARK.buttonLabel, buttonUrl: MARK.buttonUrl }),
  );
  const at = html.indexOf(MARK.body);
  const start = html.lastIndexOf("<p", at);
  const end = html.indexOf("</p>", at) + "</p>".length;
  if (at < 0 || start < 0 || end < "</p>".length) throw new Error("notification e-mail: the body paragraph is not where the template expects it");
  return { before: html.slice(0, start), paragraph: html.slice(start, end), after: html.slice(end), text: toPlainText(html) };
}

/** The same escaping React applies to text and attribute values. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);
}

function preview(heading: string): string {
  const text = heading.substring(0, PREVIEW_MAX_LENGTH);
  return escape(text) + (text.length < PREVIEW_MAX_LENGTH ? `<div>${PREVIEW_PADDING.repeat(PREVIEW_MAX_LENGTH - text.length)}</div>` : "");
}

const MARKS = /%%BATON_(HEADING|EYEBROW|BUTTON_LABEL|BUTTON_URL)%%(<div>[^<]*<\/div>)?/g;

/** One pass over the layout: text filled in is never scanned again, whatever markers it holds. */
function fill(part: string, props: NoticeProps): string {
  return part.replace(MARKS, (_, name: string, padding: string | undefined) => {
    if (name === "HEADING") return padding ? preview(props.heading) : escape(props.heading);
    const value = name === "EYEBROW" ? props.eyebrow : name === "BUTTON_LABEL" ? props.buttonLabel : props.buttonUrl;
    return escape(value) + (padding ?? "");
  });
}

/**
 * Text that toPlainText leaves as it is: no run of the whitespace it collapses, none at either
 * end, no empty line (an empty paragraph changes the blank lines around it).
 */
const PLAIN = /^[^\s\u200b]+(?: [^\s\u200b]+)*$/u;
const TEXT_MARKS = /%%BATON_(HEADING|EYEBROW|BUTTON_LABEL|BUTTON_URL|BODY)%%/g;

function fillText(template: string, props: NoticeProps, lines: string[]): string {
  return template.replace(TEXT_MARKS, (_, name: string) => {
    // toPlainText writes headings in capitals.
    if (name === "HEADING") return props.heading.toUpperCase();
    if (name === "BODY") return lines.join("\n\n");
    return name === "EYEBROW" ? props.eyebrow : name === "BUTTON_LABEL" ? props.buttonLabel : props.buttonUrl;
  });
}

export interface RenderedEmail {
  html: string;
  text: string;
}

export async function renderNotificationEmail(props: NotificationEmailProps): Promise<RenderedEmail> {
  // Answer buttons are few (invitations, sent one by one): those e-mails are rendered whole.
  if (props.actions?.length) {
    const html = await render(NotificationEmail(props));
    return { html, text: toPlainText(html) };
  }
  const { heading, body, eyebrow, buttonLabel, buttonUrl, ...layout } = props;
  const key = JSON.stringify(layout);
  let template = templates.get(key);
  if (!template) {
    template = buildTemplate(layout);
    templates.set(key, template);
    template.catch(() => templates.delete(key));
  }
  const { before, paragraph, after, text } = await template;
  const notice = { heading, body, eyebrow, buttonLabel, buttonUrl };
  const paragraphs = body.split("\n").map((line) => paragraph.replace(MARK.body, () => escape(line)));
  const html = fill(before, notice) + paragraphs.join("") + fill(after, notice);
  const lines = body.split("\n");
  const plain = [heading, eyebrow, buttonLabel, buttonUrl, ...lines].every((value) => PLAIN.test(value));
  return { html, text: plain ? fillText(text, notice, lines) : toPlainText(html) };
}
