/**
 * `npm run admin:create -- --email you@firma.pl --name "Jan Kowalski"`
 *
 * Creates an administrator in DATABASE_URL (or the embedded database under .data/), applying
 * migrations first, so a production deployment gets its first account without demo data.
 * The password is asked for with hidden input on a terminal, or read from --password-stdin or
 * BATON_ADMIN_PASSWORD. Runs with tsx, a development dependency: it needs the full `npm ci`.
 */
import { openDb } from "@/db";
import { isUserError } from "@/lib/action/errors";
import { createAdminAccount } from "@/lib/org/admin-account";
import { ADMIN_INPUT_PROBLEMS, parseAdminCommand, type AdminCommand } from "@/lib/org/admin-command";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // Only the line ending that `echo` or a here-string adds; anything else is part of the password.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

function askHidden(prompt: string): Promise<string> {
  const { stdin, stdout } = process;
  stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          finish();
          return resolve(value);
        }
        if (ch === "\u0003" || ch === "\u0004") {
          finish();
          return reject(new Error("cancelled"));
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function passwordOf(command: AdminCommand): Promise<string> {
  if (command.password.from === "environment") return command.password.value;
  if (command.password.from === "stdin") return readStdin();
  const first = await askHidden("Password (at least 10 characters): ");
  const second = await askHidden("Repeat the password: ");
  if (first !== second) throw new Error("the passwords differ; nothing was created");
  return first;
}

async function main() {
  const command = parseAdminCommand(process.argv.slice(2), process.env, Boolean(process.stdin.isTTY));
  const password = await passwordOf(command);
  const handle = await openDb({ url: process.env.DATABASE_URL || undefined, migrate: true, max: 1 });
  try {
    const admin = await createAdminAccount(handle.db, { email: command.email, name: command.name, locale: command.locale, password });
    console.log(`administrator ${admin.email} created (${handle.kind}); sign in at APP_URL/login`);
  } catch (error) {
    if (isUserError(error) && error.fieldErrors) {
      const lines = Object.entries(error.fieldErrors).flatMap(([field, codes]) => codes.map((code) => `  - ${field} ${ADMIN_INPUT_PROBLEMS[code] ?? code}`));
      throw new Error(`nothing was created:\n${lines.join("\n")}`);
    }
    throw error;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
