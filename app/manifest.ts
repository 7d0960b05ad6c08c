import type { MetadataRoute } from "next";

/** Makes Baton installable on phones, so push also reaches the home-screen app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Baton",
    short_name: "Baton",
    description: "Zadania, terminy i kalendarze zespołu / Team tasks, deadlines and calendars",
    start_url: "/tasks",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#2857c2",
    lang: "pl",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
