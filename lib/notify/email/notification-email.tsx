import { Fragment } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

export interface NotificationEmailProps {
  lang: "pl" | "en";
  heading: string;
  body: string;
  /** Small grey line above the heading: kind and priority, e.g. "Nowe zadanie · Pilny". */
  eyebrow: string;
  buttonLabel: string;
  /** Empty: no button (someone outside Baton cannot open the app). */
  buttonUrl: string;
  /** Buttons shown instead of the one button (one-click answers); the button then becomes a small link. */
  actions?: { label: string; url: string }[];
  footer: string;
  /** Absent for someone outside Baton: they have no notification settings. */
  preferencesLabel?: string;
  preferencesUrl?: string;
  /** The priority colour used everywhere in Baton. */
  accent: string;
}

const buttonStyle = { backgroundColor: "#2857c2", borderRadius: 6, color: "#ffffff", fontSize: 14, fontWeight: 600, padding: "10px 16px" };
const actionStyle = {
  ...buttonStyle,
  display: "inline-block",
  margin: "0 8px 8px 0",
  backgroundColor: "#ffffff",
  color: "#2857c2",
  border: "1px solid #2857c2",
};
const font = '"Inter", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function NotificationEmail(props: NotificationEmailProps) {
  return (
    <Html lang={props.lang}>
      <Head />
      <Preview>{props.heading}</Preview>
      <Body style={{ backgroundColor: "#f1f5f9", fontFamily: font, margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", border: "1px solid #e2e8f0", borderRadius: 8, maxWidth: 560, padding: "24px 28px" }}>
          <Text style={{ color: "#2857c2", fontSize: 15, fontWeight: 700, margin: "0 0 16px" }}>Baton</Text>
          <Section style={{ borderLeft: `3px solid ${props.accent}`, paddingLeft: 12 }}>
            <Text style={{ color: "#64748b", fontSize: 12, margin: 0, textTransform: "uppercase", letterSpacing: 0.4 }}>{props.eyebrow}</Text>
            <Heading as="h1" style={{ color: "#0f172a", fontSize: 18, lineHeight: "24px", margin: "4px 0 0" }}>
              {props.heading}
            </Heading>
          </Section>
          {props.body.split("\n").map((line, i) => (
            <Text key={i} style={{ color: "#334155", fontSize: 14, lineHeight: "22px", margin: "12px 0 0" }}>
              {line}
            </Text>
          ))}
          {props.actions?.length ? (
            <>
              <Section style={{ margin: "20px 0 8px" }}>
                {props.actions.map((action, i) => (
                  // The space keeps the text part's links apart ("Accept https://…?answer=accepted Maybe …").
                  <Fragment key={action.url}>
                    {i ? " " : null}
                    <Button href={action.url} style={actionStyle}>
                      {action.label}
                    </Button>
                  </Fragment>
                ))}
              </Section>
              {props.buttonUrl ? (
                <Text style={{ color: "#64748b", fontSize: 13, margin: "4px 0 0" }}>
                  <Link href={props.buttonUrl} style={{ color: "#2857c2" }}>
                    {props.buttonLabel}
                  </Link>
                </Text>
              ) : null}
            </>
          ) : (
            <>
              <Section style={{ margin: "20px 0 8px" }}>
                <Button href={props.buttonUrl} style={buttonStyle}>
                  {props.buttonLabel}
                </Button>
              </Section>
              <Text style={{ color: "#94a3b8", fontSize: 12, margin: "4px 0 0" }}>
                <Link href={props.buttonUrl} style={{ color: "#64748b" }}>
                  {props.buttonUrl}
                </Link>
              </Text>
            </>
          )}
          <Hr style={{ borderColor: "#e2e8f0", margin: "20px 0 12px" }} />
          <Text style={{ color: "#94a3b8", fontSize: 12, lineHeight: "18px", margin: 0 }}>
            {props.footer}
            {props.preferencesUrl ? (
              <>
                {" "}
                <Link href={props.preferencesUrl} style={{ color: "#64748b" }}>
                  {props.preferencesLabel}
                </Link>
              </>
            ) : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
