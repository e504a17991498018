import ipaddr from "ipaddr.js";

/**
 * Whether an IP address is on the public internet. Loopback, private, link-local (the cloud
 * metadata service at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges are
 * not, nor are IPv6 forms that embed one of them.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  }
  return ip.range() === "unicast";
}
