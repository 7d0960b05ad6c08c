import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedEvent {
  id?: string;
  name: string;
  data: Record<string, unknown>;
}

/**
 * Stands where the Inngest dev server would (INNGEST_DEV=<url>): accepts the SDK's event posts
 * to /e/<key> and keeps them, so tests can see what the app announced.
 */
export async function startEventRecorder(): Promise<{ url: string; events: RecordedEvent[]; close: () => Promise<void> }> {
  const events: RecordedEvent[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === "POST" && req.url?.startsWith("/e/")) {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "[]") as RecordedEvent | RecordedEvent[];
      const list = Array.isArray(body) ? body : [body];
      events.push(...list);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: list.map((e, i) => e.id ?? `evt_${events.length + i}`), status: 200 }));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, events, close: () => new Promise<void>((r) => server.close(() => r())) };
}
