import { openDb } from "../index";

async function main() {
  const handle = await openDb({ url: process.env.DATABASE_URL || undefined, migrate: true, max: 1 });
  console.log(`migrations applied (${handle.kind})`);
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
