import { describe, expect, it } from "vitest";
import { invalidPushHostEntries, parsePushHostRule, pushEndpointProblem, pushHostRules } from "./push-endpoints";

const builtIn = pushHostRules();

describe("push endpoints the server will connect to", () => {
  it.each([
    "https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91bH",
    "https://fcm.googleapis.com/wp/abc",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAA",
    "https://push.services.mozilla.com/wpush/v1/x",
    "https://wns2-db5p.notify.windows.com/w/?token=BQYAAAB",
    "https://web.push.apple.com/QGuQyavXutnMH",
    "https://api.push.apple.com/3/device/x",
    "https://FCM.GOOGLEAPIS.COM/fcm/send/x",
    "https://fcm.googleapis.com:443/fcm/send/x",
  ])("accepts the browsers' push service %s", (endpoint) => {
    expect(pushEndpointProblem(endpoint, builtIn)).toBeNull();
  });

  it.each([
    ["http://fcm.googleapis.com/fcm/send/x", "not_https"],
    ["ftp://fcm.googleapis.com/x", "not_https"],
    ["https://127.0.0.1/x", "host_not_allowed"],
    ["https://localhost:6379/", "host_not_allowed"],
    ["https://10.0.0.5:8443/admin", "host_not_allowed"],
    ["https://169.254.169.254/latest/meta-data/", "host_not_allowed"],
    ["https://2130706433/", "host_not_allowed"],
    ["https://0x7f.1/", "host_not_allowed"],
    ["https://[::1]/x", "host_not_allowed"],
    ["https://[::ffff:127.0.0.1]/x", "host_not_allowed"],
    ["https://[fd00::1]:443/x", "host_not_allowed"],
    ["https://fcm.googleapis.com.evil.example/fcm/send/x", "host_not_allowed"],
    ["https://evil.example/fcm.googleapis.com", "host_not_allowed"],
    ["https://evil.example/?u=https://fcm.googleapis.com/", "host_not_allowed"],
    ["https://fcm.googleapis.com@evil.example/x", "credentials"],
    ["https://user:pass@fcm.googleapis.com/x", "credentials"],
    ["https://evilfcm.googleapis.com/x", "host_not_allowed"],
    ["https://notify.windows.com/x", "host_not_allowed"],
    ["https://evilnotify.windows.com/x", "host_not_allowed"],
    ["https://push.apple.com.evil.example/x", "host_not_allowed"],
    ["https://fcm.googleapis.com./x", "host_not_allowed"],
    ["https://fcm.googleapis.com:8443/fcm/send/x", "host_not_allowed"],
    ["https://fcm.googleapis.com:22/x", "host_not_allowed"],
    ["https://web.push.apple.com:80/x", "host_not_allowed"],
    ["not a url", "malformed"],
    ["", "malformed"],
  ])("refuses %s (%s)", (endpoint, problem) => {
    expect(pushEndpointProblem(endpoint, builtIn)).toBe(problem);
  });

  it("adds hosts from the setting: a name, a subdomain wildcard, an exact host and port", () => {
    const rules = pushHostRules(["push.example.org", "*.autopush.example.org", "127.0.0.1:8443"]);
    expect(pushEndpointProblem("https://push.example.org/x", rules)).toBeNull();
    expect(pushEndpointProblem("https://eu.autopush.example.org/x", rules)).toBeNull();
    expect(pushEndpointProblem("https://127.0.0.1:8443/device-1", rules)).toBeNull();
    // A host without a port is allowed on the default port only; a port is allowed only as listed.
    expect(pushEndpointProblem("https://push.example.org:8080/x", rules)).toBe("host_not_allowed");
    expect(pushEndpointProblem("https://127.0.0.1/x", rules)).toBe("host_not_allowed");
    expect(pushEndpointProblem("https://127.0.0.1:8444/x", rules)).toBe("host_not_allowed");
    expect(pushEndpointProblem("https://autopush.example.org/x", rules)).toBe("host_not_allowed");
  });

  it("understands only hosts in the setting, and names what it does not", () => {
    expect(parsePushHostRule("Push.Example.org")).toEqual({ host: "push.example.org", subdomains: false, port: null });
    expect(parsePushHostRule("[::1]:8443")).toEqual({ host: "[::1]", subdomains: false, port: "8443" });
    expect(invalidPushHostEntries("push.example.org, *.ok.example ,127.0.0.1:9")).toEqual([]);
    expect(invalidPushHostEntries("https://push.example.org,evil.example/path,a@b.example,*.10.0.0.1,*")).toEqual([
      "https://push.example.org",
      "evil.example/path",
      "a@b.example",
      "*.10.0.0.1",
      "*",
    ]);
  });
});
