import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent, fetch, type RequestInit, type Response } from "undici";
import { isPublicAddress } from "@/lib/media/public-address";

export class BlockedAddressError extends Error {
  constructor(host: string) {
    super(`Refused to connect to ${host}: it resolves to a private or reserved address`);
    this.name = "BlockedAddressError";
  }
}

/**
 * fetch() that refuses to connect to private, loopback, link-local and reserved addresses —
 * checked on the address actually dialled, so DNS rebinding and redirects cannot slip past.
 * `trustedHosts` (the configured kie.ai base URL's host, e.g. the local simulator) are exempt.
 */
export function guardedFetch(trustedHosts: string[]) {
  const trusted = new Set(trustedHosts.map((h) => h.toLowerCase()));
  const agent = new Agent({
    connect: {
      lookup(hostname, options, callback) {
        dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
          if (err) return callback(err, "", 0);
          const list = addresses as LookupAddress[];
          const allowed = trusted.has(hostname.toLowerCase())
            ? list
            : list.filter((a) => isPublicAddress(a.address));
          const first = allowed[0];
          if (!first) return callback(new BlockedAddressError(hostname), "", 0);
          if ((options as { all?: boolean }).all) return callback(null, allowed as never, 0);
          callback(null, first.address, first.family);
        });
      },
    },
  });
  return (url: string, init: RequestInit = {}): Promise<Response> => {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
    // Literal IPs never pass through lookup(), so they are checked here.
    if (!trusted.has(host.toLowerCase()) && /^[\d.]+$|:/.test(host) && !isPublicAddress(host)) {
      return Promise.reject(new BlockedAddressError(host));
    }
    return fetch(url, { ...init, dispatcher: agent });
  };
}
