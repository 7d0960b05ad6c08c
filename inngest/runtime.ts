import type { DeliveryRuntime } from "@/lib/notify/deliver";
import { deliveryRuntime } from "@/lib/notify/runtime";

let override: (() => Promise<DeliveryRuntime>) | undefined;

/** The database and providers functions work with; tests install their own. */
export function functionRuntime(): Promise<DeliveryRuntime> {
  return override ? override() : deliveryRuntime();
}

export function setFunctionRuntime(factory: (() => Promise<DeliveryRuntime>) | undefined): void {
  override = factory;
}
