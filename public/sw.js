/* Baton service worker: shows push notifications with no tab open and opens the item on click. */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: "Baton", body: event.data ? event.data.text() : "" };
  }
  const actions = data.snoozable
    ? [
        { action: "snooze-10m", title: self.navigator.language.startsWith("pl") ? "Za 10 min" : "In 10 min" },
        { action: "snooze-1h", title: self.navigator.language.startsWith("pl") ? "Za godzinę" : "In 1 hour" },
      ]
    : [];
  event.waitUntil(
    self.registration.showNotification(data.title || "Baton", {
      body: data.body || "",
      tag: data.tag,
      renotify: Boolean(data.tag),
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      data: { url: data.url || "/", notificationId: data.notificationId },
      actions,
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const { url, notificationId } = event.notification.data || {};
  if (event.action && event.action.startsWith("snooze-") && notificationId) {
    event.waitUntil(
      fetch("/api/notifications/snooze", {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ notificationId, snooze: event.action.slice("snooze-".length) }),
      }).catch(() => undefined),
    );
    return;
  }
  const target = new URL(url || "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if (new URL(w.url).origin === self.location.origin && "focus" in w) {
          return w.navigate(target).then((c) => (c || w).focus());
        }
      }
      return self.clients.openWindow(target);
    }),
  );
});
