import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddressOf,
  normalizeAddress,
  resolveClientAddress,
} from "@/lib/http/client-address";
import { createFrontDoor } from "@/lib/http/front-door";

const FRONT_SERVER = Symbol.for("hailuo-studio.front-server");
const marks = globalThis as Record<symbol, unknown>;

describe("normalizeAddress", () => {
  it("writes one address one way", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeAddress("203.0.113.9:5123")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("2001:db8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
  });

  it("is null for what is not an address", () => {
    for (const junk of ["", "unknown", "1.2.3", "evil.example", "1.2.3.4.5", "<script>", null]) {
      expect(normalizeAddress(junk)).toBeNull();
    }
  });
});

describe("resolveClientAddress", () => {
  it("with no trusted proxy, believes only the socket", () => {
    const address = resolveClientAddress({
      socketAddress: "::ffff:198.51.100.7",
      forwardedFor: "203.0.113.1, 203.0.113.2",
      trustedHops: 0,
    });
    expect(address).toBe("198.51.100.7");
  });

  it("reads as many hops left of the socket as there are trusted proxies", () => {
    const chain = "203.0.113.66, 192.0.2.10, 10.0.0.2";
    const at = (trustedHops: number) =>
      resolveClientAddress({ socketAddress: "10.0.0.1", forwardedFor: chain, trustedHops });
    expect(at(1)).toBe("10.0.0.2");
    expect(at(2)).toBe("192.0.2.10");
    expect(at(3)).toBe("203.0.113.66");
    // Fewer hops than trusted proxies: the nearest to the client there is.
    expect(at(5)).toBe("203.0.113.66");
  });

  it("joins repeated X-Forwarded-For headers in order", () => {
    const address = resolveClientAddress({
      socketAddress: "10.0.0.1",
      forwardedFor: ["203.0.113.66", "192.0.2.10"],
      trustedHops: 1,
    });
    expect(address).toBe("192.0.2.10");
  });

  it("does not take a trusted hop's garbage for an address", () => {
    const address = resolveClientAddress({
      socketAddress: "10.0.0.1",
      forwardedFor: "not-an-ip",
      trustedHops: 1,
    });
    expect(address).toBe("unknown");
  });
});

describe("clientAddressOf, inside the app", () => {
  afterEach(() => {
    delete marks[FRONT_SERVER];
  });
  const headers = (values: Record<string, string>) => ({
    get: (name: string) => values[name] ?? null,
  });

  it("behind the studio's own server, reads only the address that server stamped", () => {
    marks[FRONT_SERVER] = true;
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "1.1.1.1" });
    expect(clientAddressOf(h, 0)).toBe("198.51.100.7");
    expect(clientAddressOf(headers({ "x-forwarded-for": "1.1.1.1" }), 1)).toBe("unknown");
  });

  it("without it, reads X-Forwarded-For as Next.js passes it on", () => {
    const h = headers({ "x-forwarded-for": "203.0.113.66, 192.0.2.10" });
    expect(clientAddressOf(h, 0)).toBe("192.0.2.10");
    expect(clientAddressOf(h, 1)).toBe("192.0.2.10");
    expect(clientAddressOf(h, 2)).toBe("203.0.113.66");
    // A stamp a client sent is not believed when no front door put it there.
    expect(clientAddressOf(headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7" }), 0)).toBe(
      "unknown",
    );
  });
});

describe("the front door", () => {
  // A real HTTP server with the front door before a stand-in for Next.js that answers with the
  // address the app would read.
  const servers: Server[] = [];
  async function serve(trustedHops: number): Promise<string> {
    const front = createFrontDoor({ trustedHops, mediaDoor: null });
    const server = createServer((req, res) => {
      void front(req, res, async () => {
        const h = { get: (name: string) => (req.headers[name] as string | undefined) ?? null };
        res.end(clientAddressOf(h, trustedHops));
      });
    });
    servers.push(server);
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  beforeAll(() => {
    marks[FRONT_SERVER] = true;
  });
  afterAll(async () => {
    delete marks[FRONT_SERVER];
    await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  });

  it("with nothing trusted in front, a client can't choose its address", async () => {
    const url = await serve(0);
    for (const forged of ["203.0.113.5", "203.0.113.5, 198.51.100.1"]) {
      const res = await fetch(url, {
        headers: { "x-forwarded-for": forged, [CLIENT_ADDRESS_HEADER]: "192.0.2.1" },
      });
      expect(await res.text()).toBe("127.0.0.1");
    }
  });

  it("behind one trusted proxy, the address that proxy appended counts, and nothing left of it", async () => {
    const url = await serve(1);
    const read = async (xff: string) =>
      (await fetch(url, { headers: { "x-forwarded-for": xff } })).text();
    expect(await read("198.51.100.20")).toBe("198.51.100.20");
    expect(await read("203.0.113.5, 198.51.100.20")).toBe("198.51.100.20");
    expect(await read("203.0.113.6, 198.51.100.20")).toBe("198.51.100.20");
  });
});
