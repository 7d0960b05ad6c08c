import type { Agent } from "node:https";
import webpush, { WebPushError } from "web-push";
import { PermanentDeliveryError } from "./errors";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushPayload {
  title: string;
  body: string;
  /** Path in the app the notification opens, e.g. /tasks/<id>. */
  url: string;
  tag: string;
  notificationId: string;
  /** Offer "snooze" buttons (reminders). */
  snoozable?: boolean;
}

export interface PushSender {
  send(target: PushTarget, payload: PushPayload, options: { urgent: boolean }): Promise<{ statusCode: number }>;
}

/** Browsers cap push payloads at about 4 KB; long bodies are cut to stay well below. */
export function encodePushPayload(payload: PushPayload): string {
  const body = payload.body.length > 600 ? `${payload.body.slice(0, 597)}…` : payload.body;
  return JSON.stringify({ ...payload, body });
}

export function webPushSender(keys: VapidKeys, options: { agent?: Agent } = {}): PushSender {
  return {
    async send(target, payload, { urgent }) {
      try {
        const result = await webpush.sendNotification(
          { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
          encodePushPayload(payload),
          {
            vapidDetails: keys,
            TTL: 24 * 3600,
            urgency: urgent ? "high" : "normal",
            // Same topic replaces an undelivered older push about the same item on the device.
            topic: payload.tag.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 32) || undefined,
            ...(options.agent ? { agent: options.agent } : {}),
          },
        );
        return { statusCode: result.statusCode };
      } catch (error) {
        if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
          throw new PermanentDeliveryError("subscription_gone", `push endpoint answered ${error.statusCode}`);
        }
        if (error instanceof WebPushError && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 429) {
          throw new PermanentDeliveryError("rejected", `push endpoint answered ${error.statusCode}: ${error.body}`);
        }
        throw error;
      }
    },
  };
}
