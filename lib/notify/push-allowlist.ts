import { env } from "@/lib/config/env";
import { pushHostRules, type PushHostRule } from "./push-endpoints";

/** The rules from the built-in list and this deployment's PUSH_ALLOWED_HOSTS. */
export function configuredPushHostRules(): PushHostRule[] {
  const setting = env().PUSH_ALLOWED_HOSTS;
  return pushHostRules(setting ? setting.split(",") : []);
}
