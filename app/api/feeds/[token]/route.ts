import { getDb } from "@/db";
import { env } from "@/lib/config/env";
import { serveFeed } from "@/lib/feeds/serve";
import { now } from "@/lib/time/clock";

/**
 * An iCal feed by its secret URL (public: the token is the authority). The token is never
 * logged: this handler logs nothing, and errors are answered without the path.
 */
export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  const answer = await serveFeed(await getDb(), {
    segment: token,
    ifNoneMatch: request.headers.get("if-none-match"),
    ifModifiedSince: request.headers.get("if-modified-since"),
    userAgent: request.headers.get("user-agent"),
    now: now(),
    appUrl: env().APP_URL,
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export const dynamic = "force-dynamic";
