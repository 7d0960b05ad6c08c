import { describe, expect, it } from "vitest";
import { parseAdminCommand } from "./admin-command";

describe("parseAdminCommand", () => {
  it("takes the e-mail and name, and the password from stdin, the environment or a prompt", () => {
    expect(parseAdminCommand(["--email", "jan@firma.pl", "--name", "Jan Kowalski", "--password-stdin"], {}, false)).toEqual({
      email: "jan@firma.pl",
      name: "Jan Kowalski",
      locale: "pl",
      password: { from: "stdin" },
    });
    expect(parseAdminCommand(["--email", "a@b.pl", "--name", "A", "--locale", "en"], { BATON_ADMIN_PASSWORD: "s3cret-s3cret" }, false)).toMatchObject({
      locale: "en",
      password: { from: "environment", value: "s3cret-s3cret" },
    });
    expect(parseAdminCommand(["--email", "a@b.pl", "--name", "A"], {}, true).password).toEqual({ from: "prompt" });
  });
  it("refuses a password on the command line, unknown options, missing values and no way to get a password", () => {
    expect(() => parseAdminCommand(["--email", "a@b.pl", "--name", "A", "--password", "x"], {}, true)).toThrow(/shell history/);
    expect(() => parseAdminCommand(["--email", "a@b.pl", "--name", "A", "--role", "x"], {}, true)).toThrow(/unknown option --role/);
    expect(() => parseAdminCommand(["--email", "--name", "A"], {}, true)).toThrow(/--email needs a value/);
    expect(() => parseAdminCommand(["--name", "A"], {}, true)).toThrow(/--email and --name are required/);
    expect(() => parseAdminCommand(["--email", "a@b.pl", "--name", "A", "--locale", "de"], {}, true)).toThrow(/--locale must be pl or en/);
    expect(() => parseAdminCommand(["--email", "a@b.pl", "--name", "A"], {}, false)).toThrow(/--password-stdin or BATON_ADMIN_PASSWORD/);
  });
});
