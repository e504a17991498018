import { beforeEach, describe, expect, it, vi } from "vitest";

// The store is module state: each test gets a fresh copy.
async function freshStore() {
  vi.resetModules();
  return import("@/components/ui/notices/store");
}

describe("notices", () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeEach(async () => {
    store = await freshStore();
  });

  it("starts empty, on the server and in the browser", () => {
    expect(store.currentNotices()).toEqual([]);
    expect(store.noNotices()).toEqual([]);
  });

  it("shows each notice once, newest last, with the tone asked for", () => {
    store.notify("Prompt copied.");
    store.notify("Couldn’t copy.", "error");
    expect(store.currentNotices().map((n) => [n.message, n.tone])).toEqual([
      ["Prompt copied.", "success"],
      ["Couldn’t copy.", "error"],
    ]);
  });

  it("raising the same words again starts them over instead of stacking a copy", () => {
    store.notify("Prompt copied.");
    const first = store.currentNotices()[0]?.id;
    store.notify("Video deleted.");
    store.notify("Prompt copied.");
    const shown = store.currentNotices();
    expect(shown.map((n) => n.message)).toEqual(["Video deleted.", "Prompt copied."]);
    expect(shown[1]?.id).not.toBe(first);
  });

  it("keeps three at most, letting the oldest go", () => {
    for (const m of ["one", "two", "three", "four"]) store.notify(m);
    expect(store.currentNotices().map((n) => n.message)).toEqual(["two", "three", "four"]);
  });

  it("tells subscribers of each change, and forgets a closed notice once", () => {
    const heard = vi.fn();
    const unsubscribe = store.subscribeToNotices(heard);
    store.notify("Prompt copied.");
    const id = store.currentNotices()[0]?.id ?? -1;
    store.forgetNotice(id);
    store.forgetNotice(id);
    expect(store.currentNotices()).toEqual([]);
    expect(heard).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.notify("again");
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
