"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { subscribeToPushAction, unsubscribeFromPushAction } from "@/lib/notify/actions";

function urlBase64ToUint8Array(base64: string): Uint8Array<ArrayBuffer> {
  const padded = (base64 + "=".repeat((4 - (base64.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function deviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS/.test(ua) ? "macOS" : "Linux";
  return `${browser} · ${os}`;
}

type State = "loading" | "unsupported" | "denied" | "off" | "on";

/** Switches web push on or off for this browser: registers the service worker and the subscription. */
export function PushToggle({ publicKey }: { publicKey: string }) {
  const t = useTranslations("notifySettings");
  const router = useRouter();
  const [state, setState] = useState<State>("loading");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Browser capabilities are only known on the client, after mount.
    async function detect(): Promise<State> {
      if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
      if (Notification.permission === "denied") return "denied";
      try {
        const reg = await navigator.serviceWorker.register("/sw.js");
        return (await reg.pushManager.getSubscription()) ? "on" : "off";
      } catch {
        return "unsupported";
      }
    }
    void detect().then(setState);
  }, []);

  async function turnOn() {
    setBusy(true);
    setError(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState("denied");
        return;
      }
      const reg = await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: urlBase64ToUint8Array(publicKey) });
      const json = sub.toJSON();
      const result = await subscribeToPushAction({
        endpoint: sub.endpoint,
        keys: { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
        deviceLabel: deviceLabel(),
      });
      if (!result.ok) {
        await sub.unsubscribe();
        setError(result.error);
        return;
      }
      setState("on");
      router.refresh();
    } catch (e) {
      // The browser's own words come from its push service; the console keeps them for support.
      console.error("[push]", e);
      setError(t("pushFailed"));
    } finally {
      setBusy(false);
    }
  }

  async function turnOff() {
    setBusy(true);
    try {
      const reg = await navigator.serviceWorker.ready;
      const sub = await reg.pushManager.getSubscription();
      if (sub) {
        await unsubscribeFromPushAction({ endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setState("off");
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      {state === "unsupported" ? <p className="text-sm text-slate-600">{t("pushUnsupported")}</p> : null}
      {state === "denied" ? <p className="text-sm text-amber-800">{t("pushDenied")}</p> : null}
      {state === "on" ? (
        <div className="flex items-center gap-3">
          <p className="text-sm text-emerald-700">{t("pushEnabled")}</p>
          <Button disabled={busy} onClick={() => void turnOff()}>
            {t("pushOff")}
          </Button>
        </div>
      ) : null}
      {state === "off" ? (
        <Button variant="primary" disabled={busy} onClick={() => void turnOn()}>
          {t("pushOn")}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
