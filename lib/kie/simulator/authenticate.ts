import type { IncomingMessage } from "node:http";
import type { SimulatorSettings } from "./config";

/** The caller's API key, or null when it is missing or not accepted. */
export function authenticate(req: IncomingMessage, settings: SimulatorSettings): string | null {
  const match = /^Bearer\s+(\S.*)$/i.exec(req.headers.authorization ?? "");
  const key = match?.[1]?.trim();
  if (!key) return null;
  if (settings.apiKeys && !settings.apiKeys.includes(key)) return null;
  return key;
}

export const unauthorizedMsg = "You do not have access permissions: missing or invalid API key";
