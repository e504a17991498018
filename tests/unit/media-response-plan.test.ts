import { describe, expect, it } from "vitest";
import { planMediaResponse } from "@/lib/http/media-response-plan";
import type { MediaRequestHeaders } from "@/lib/http/media-validators";
import type { StoredObject } from "@/lib/storage/media-storage";

const object: StoredObject = {
  size: 1000,
  contentType: "video/mp4",
  etag: '"3e8-18c5a2b0f00"',
  lastModified: new Date("2026-11-20T10:00:00.000Z"),
};
const LAST_MODIFIED = "Fri, 20 Nov 2026 10:00:00 GMT";

function plan(request: MediaRequestHeaders, method = "GET") {
  return planMediaResponse({ object, method, request, audience: "shared" });
}

describe("planning a media answer", () => {
  it("sends the validators with every answer", () => {
    const p = plan({});
    expect(p.status).toBe(200);
    expect(p.headers.etag).toBe(object.etag);
    expect(p.headers["last-modified"]).toBe(LAST_MODIFIED);
    expect(p.headers["content-length"]).toBe("1000");
  });

  it("answers a suffix range longer than the file with the whole file, as a 206", () => {
    const p = plan({ range: "bytes=-999999999" });
    expect(p.status).toBe(206);
    expect(p.range).toEqual({ start: 0, end: 999 });
    expect(p.headers["content-range"]).toBe("bytes 0-999/1000");
    expect(p.headers["content-length"]).toBe("1000");
    // A suffix within the file, and an empty suffix, as before.
    expect(plan({ range: "bytes=-10" }).range).toEqual({ start: 990, end: 999 });
    expect(plan({ range: "bytes=-0" }).status).toBe(416);
    expect(plan({ range: "bytes=1000-" }).status).toBe(416);
  });

  it("honours a range under If-Range only while the validator still matches", () => {
    const range = "bytes=100-199";
    expect(plan({ range, ifRange: object.etag }).status).toBe(206);
    expect(plan({ range, ifRange: LAST_MODIFIED }).status).toBe(206);
    const changed = plan({ range, ifRange: '"another"' });
    expect(changed.status).toBe(200);
    expect(changed.range).toBeUndefined();
    expect(changed.headers["content-length"]).toBe("1000");
    expect(plan({ range, ifRange: `W/${object.etag}` }).status).toBe(200);
    expect(plan({ range, ifRange: "Fri, 20 Nov 2026 09:59:59 GMT" }).status).toBe(200);
    expect(plan({ range, ifRange: "not a date" }).status).toBe(200);
  });

  it("answers 304 to a browser whose copy is current, and 200 to one whose copy is not", () => {
    const current = plan({ ifNoneMatch: object.etag });
    expect(current.status).toBe(304);
    expect(current.sendBody).toBe(false);
    expect(current.headers.etag).toBe(object.etag);
    expect(current.headers["cache-control"]).toBe("private, no-cache");
    expect(plan({ ifNoneMatch: `"x", W/${object.etag}` }).status).toBe(304);
    expect(plan({ ifNoneMatch: "*" }).status).toBe(304);
    expect(plan({ ifNoneMatch: '"x"' }).status).toBe(200);
    expect(plan({ ifModifiedSince: LAST_MODIFIED }).status).toBe(304);
    expect(plan({ ifModifiedSince: "Fri, 20 Nov 2026 09:00:00 GMT" }).status).toBe(200);
    expect(plan({ ifModifiedSince: "garbage" }).status).toBe(200);
    // If-None-Match decides alone when both are sent.
    expect(plan({ ifNoneMatch: '"x"', ifModifiedSince: LAST_MODIFIED }).status).toBe(200);
    expect(plan({ ifNoneMatch: object.etag, range: "bytes=0-9" }).status).toBe(304);
  });

  it("plans HEAD as GET, with the length, and without a body", () => {
    const head = plan({}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.sendBody).toBe(false);
    expect(head.headers["content-length"]).toBe("1000");
    const ranged = plan({ range: "bytes=0-9" }, "HEAD");
    expect(ranged.status).toBe(206);
    expect(ranged.headers["content-length"]).toBe("10");
  });
});
