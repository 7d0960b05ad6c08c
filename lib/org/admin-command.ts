/**
 * What `npm run admin:create` was asked to do. Kept apart from the terminal so the rules
 * (which options exist, where the password comes from) are tested without a process.
 */
export interface AdminCommand {
  email: string;
  name: string;
  locale: "pl" | "en";
  /** A password never comes from the command line itself, where it would stay in the shell history. */
  password: { from: "environment"; value: string } | { from: "stdin" } | { from: "prompt" };
}

const USAGE = 'usage: npm run admin:create -- --email you@example.com --name "Your Name" [--locale pl|en] [--password-stdin]';

export function parseAdminCommand(args: string[], environment: Record<string, string | undefined>, interactive: boolean): AdminCommand {
  const values = new Map<string, string>();
  let passwordStdin = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--password-stdin") {
      passwordStdin = true;
    } else if (arg === "--email" || arg === "--name" || arg === "--locale") {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) throw new Error(`${arg} needs a value\n${USAGE}`);
      values.set(arg.slice(2), value);
    } else if (arg === "--password") {
      throw new Error("--password is not accepted (it would stay in the shell history); use --password-stdin or BATON_ADMIN_PASSWORD");
    } else {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  const email = values.get("email");
  const name = values.get("name");
  if (!email || !name) throw new Error(`--email and --name are required\n${USAGE}`);
  const locale = values.get("locale") ?? "pl";
  if (locale !== "pl" && locale !== "en") throw new Error(`--locale must be pl or en, got ${locale}`);
  const fromEnvironment = environment.BATON_ADMIN_PASSWORD;
  const password: AdminCommand["password"] = passwordStdin
    ? { from: "stdin" }
    : fromEnvironment
      ? { from: "environment", value: fromEnvironment }
      : { from: "prompt" };
  if (password.from === "prompt" && !interactive) {
    throw new Error("no password: run it in a terminal to be asked, or pass it with --password-stdin or BATON_ADMIN_PASSWORD");
  }
  return { email, name, locale, password };
}

/** What the terminal shows for the codes createAdminAccount refuses with. */
export const ADMIN_INPUT_PROBLEMS: Record<string, string> = {
  required: "is required",
  tooLong: "is too long",
  invalidEmail: "is not an e-mail address",
  passwordTooShort: "must be at least 10 characters long",
  passwordTooGuessable: "is too easy to guess (the demo password, the e-mail, or too few different characters)",
  emailTaken: "already belongs to a user",
};
