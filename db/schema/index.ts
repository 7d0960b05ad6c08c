export * from "./org";
export * from "./auth";
export * from "./crm";
export * from "./notify";
export * from "./tasks";
export * from "./delivery";
export * from "./reminders";
export * from "./sessions";
