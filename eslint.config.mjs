import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering of ARCHITECTURE.md §2: imports run app → components → lib → db; inngest/ uses lib
// and db; lib sees jobs only through the dispatcher (lib/effects), never inngest/ itself.
const ours = (...folders) => folders.flatMap((f) => [`@/${f}`, `@/${f}/*`, `**/${f}/*`]);
const layer = (files, forbidden, message, extra = {}) => ({
  files,
  ...extra,
  rules: {
    "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ours(...forbidden), message, allowTypeImports: forbidden.includes("db") }] }],
  },
});

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Tests and test helpers may drive a route handler or an Inngest function directly.
  layer(["lib/**"], ["app", "components", "inngest"], "lib/ never imports app/, components/ or inngest/ (jobs go through lib/effects).", {
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**"],
  }),
  // lib/notify delivers any domain's notices and knows none of them: the kinds come in through
  // lib/notify/registry.ts alone. (This entry replaces the one above for these files, so it repeats it.)
  {
    files: ["lib/notify/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "lib/notify/registry.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ours("app", "components", "inngest"), message: "lib/ never imports app/, components/ or inngest/ (jobs go through lib/effects)." },
            {
              group: [...ours("lib/tasks", "lib/crm", "lib/reminders", "lib/calendar", "lib/resources", "lib/feeds"), "@/lib/*/notice-kinds"],
              message: "lib/notify knows no domain: declare the kind in the domain's notice-kinds.ts and list it in lib/notify/registry.ts.",
            },
          ],
        },
      ],
    },
  },
  layer(["components/**"], ["db"], "components/ get data from pages and actions, never from db/ (a type is fine)."),
  layer(["inngest/**"], ["app", "components"], "inngest/ uses lib/ and db/, never app/ or components/."),
  layer(["db/**"], ["lib", "app", "components", "inngest"], "db/ imports nothing of ours."),
  // Links do not prefetch (components/ui/link.tsx says why): every link goes through that wrapper.
  {
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Import Link from @/components/ui/link (no prefetching)." }] }],
    },
  },
  // One clock: domain code reads time through lib/time/clock.ts (now(), or systemNow() where real
  // time must win over the test clock) or the unit of work's now, so moving the test clock moves
  // everything. Durations are measured with performance.now().
  {
    files: ["lib/**", "app/**", "inngest/**", "components/**"],
    ignores: ["lib/time/clock.ts", "**/*.test.ts", "**/*.test.tsx", "lib/testing/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Read the time through lib/time/clock.ts (now()) or the unit of work's now, not new Date().",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Read the time through lib/time/clock.ts (now()) or the unit of work's now; measure durations with performance.now().",
        },
      ],
    },
  },
];

export default config;
