export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const [{ startApp }, { ConfigError }] = await Promise.all([import("@/lib/startup/start"), import("@/lib/config/env")]);
    try {
      await startApp({ inngest: async () => (await import("@/inngest/dispatcher")).inngestDispatcher });
    } catch (error) {
      // Next would keep serving 500s; an unsafe or broken configuration must stop the process instead.
      if (error instanceof ConfigError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    }
  }
}
