import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storeMedia } from "@/lib/generations/store-media";
import { isAllowedMediaUrl } from "@/lib/media/allowed-hosts";
import { guardedFetch } from "@/lib/media/guarded-fetch";
import { isPublicAddress } from "@/lib/media/public-address";
import { generate, newWorkspace, waitForState } from "@/tests/support/studio";

let server: Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  // Stands for anything on the private network: it must never be reached.
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { "content-type": "video/mp4" });
    res.end("secret");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("result URLs cannot reach the studio's own network", () => {
  it("classifies addresses", () => {
    for (const ip of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fc00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "224.0.0.1",
    ]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    for (const ip of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
      expect(isPublicAddress(ip), ip).toBe(true);
  });

  it("allows only http(s) from kie.ai's hosts and the configured kie.ai origin", () => {
    const cfg = { patterns: ["*.kie.ai", "*.aiquickdraw.com"], baseUrl: "http://127.0.0.1:3210" };
    expect(isAllowedMediaUrl("https://tempfile.aiquickdraw.com/v.mp4", cfg)).toBe(true);
    expect(isAllowedMediaUrl("http://127.0.0.1:3210/files/x.mp4", cfg)).toBe(true);
    for (const url of [
      "file:///etc/passwd",
      "http://tempfile.aiquickdraw.com/v.mp4",
      "https://169.254.169.254/latest/meta-data/",
      "http://127.0.0.1:3211/other-port",
      "https://evil.example/v.mp4",
      "https://user:pw@cdn.kie.ai/v.mp4",
      "gopher://cdn.kie.ai/",
      "not a url",
    ]) {
      expect(isAllowedMediaUrl(url, cfg), url).toBe(false);
    }
  });

  it("refuses to connect to private addresses, by literal IP or by name, unless trusted", async () => {
    const get = guardedFetch([]);
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://localhost:${port}/`,
      `http://[::1]:${port}/`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/",
    ]) {
      await expect(get(url), url).rejects.toThrow();
    }
    expect(hits).toBe(0);
    const trusted = guardedFetch(["127.0.0.1"]);
    expect((await trusted(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect(hits).toBe(1);
  });

  it.each([
    ["the metadata service", "http://169.254.169.254/latest/meta-data/iam"],
    ["a private address", "https://10.0.0.5/video.mp4"],
    ["another local port", "http://127.0.0.1:1/video.mp4"],
    ["a file", "file:///etc/passwd"],
  ])("a success whose result URL points at %s ends with a refused download", async (_name, url) => {
    const ctx = await newWorkspace();
    const dto = await generate(ctx, "ssrf target [sim:nocallback]");
    await waitForState(dto.id, ["waiting", "queuing", "generating", "success"]);
    // As if kie.ai (or someone forging its answers) had reported this URL.
    await db.generation.update({
      where: { id: dto.id },
      data: { state: "success", resultUrl: url, mediaState: "pending" },
    });
    await storeMedia(dto.id, {
      attempt: 1,
      lastAttempt: false,
      signal: new AbortController().signal,
    });
    const g = await db.generation.findUniqueOrThrow({ where: { id: dto.id } });
    expect(g.mediaState).toBe("failed");
    expect(g.mediaError).toMatch(/not an allowed host|private|refused/i);
    expect(g.mediaErrorCode).toBe("host_refused");
    expect(g.mediaKey).toBeNull();
  });

  it("does not follow a redirect from an allowed host into the private network", async () => {
    const redirector = createServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
      res.end();
    });
    await new Promise<void>((r) => redirector.listen(0, "127.0.0.1", r));
    const { downloadVideo } = await import("@/lib/media/download-video");
    const base = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
    await expect(
      downloadVideo({
        url: `${base}/video.mp4`,
        dest: "/tmp/never-written.mp4",
        maxBytes: 1000,
        isAllowed: (u) => isAllowedMediaUrl(u, { patterns: [], baseUrl: base }),
      }),
    ).rejects.toThrow(/not an allowed host/);
    expect(hits).toBe(1);
    await new Promise<void>((r) => redirector.close(() => r()));
  });
});
