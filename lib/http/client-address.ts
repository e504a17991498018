import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * The header the studio's own production server (scripts/server.mjs, through the front door) sets
 * on every request to the client's address as it resolved it. A value a client sent is replaced,
 * and the app reads it only when that server is in front (see `clientAddressOf`).
 */
export const CLIENT_ADDRESS_HEADER = "x-studio-client-address";

/** Where scripts/server.mjs marks the process before Next.js loads. */
const FRONT_SERVER = Symbol.for("hailuo-studio.front-server");

/** An address in one spelling: IPv4-mapped IPv6 as IPv4, brackets and ports dropped; else null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  // "[::1]:443" and "1.2.3.4:5678", as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed?.[1]) s = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  // A zone index ("fe80::1%eth0") names a local interface, not a client.
  s = s.replace(/%.*$/, "");
  // isIP, not ipaddr.isValid: the latter takes legacy spellings such as "1.2.3".
  if (isIP(s) === 0) return null;
  return ipaddr.process(s).toString();
}

/**
 * The client's address, given the connection's own address and the `X-Forwarded-For` it carried.
 * Only the last `trustedHops` proxies in front of the studio are believed: each appends the
 * address it was connected from, so the client is the entry that many places left of the socket.
 * Entries further left are whatever the client claimed. With fewer entries than trusted hops, the
 * leftmost one is the nearest to the client there is.
 */
export function resolveClientAddress(args: {
  socketAddress: string | null | undefined;
  forwardedFor: string | string[] | null | undefined;
  trustedHops: number;
}): string {
  const socket = normalizeAddress(args.socketAddress) ?? "unknown";
  if (args.trustedHops <= 0) return socket;
  const forwarded = Array.isArray(args.forwardedFor)
    ? args.forwardedFor.join(",")
    : (args.forwardedFor ?? "");
  const chain = forwarded
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  chain.push(socket);
  const at = Math.max(0, chain.length - 1 - args.trustedHops);
  return normalizeAddress(chain[at]) ?? "unknown";
}

/**
 * The caller's address inside the app. Behind the studio's own server it is what that server
 * resolved from the socket (and TRUST_PROXY). Without it (`next dev`, a bare `next start`) the
 * socket is out of reach, and Next.js passes on `X-Forwarded-For` as it came, adding the socket's
 * address only when there was none: so the last trusted entry is read, and with nothing trusted
 * the last entry, which a client can choose.
 */
export function clientAddressOf(
  h: { get(name: string): string | null },
  trustedHops: number,
): string {
  if ((globalThis as Record<symbol, unknown>)[FRONT_SERVER] === true) {
    return normalizeAddress(h.get(CLIENT_ADDRESS_HEADER)) ?? "unknown";
  }
  const chain = (h.get("x-forwarded-for") ?? "").split(",").filter((e) => e.trim() !== "");
  const at = Math.max(0, chain.length - Math.max(1, trustedHops));
  return normalizeAddress(chain[at]) ?? "unknown";
}
