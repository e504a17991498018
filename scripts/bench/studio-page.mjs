// A person's studio in Chromium, used as they use it: type a prompt, press Generate. How long the
// press takes to be acknowledged is read inside the page, on the page's own clock, so Playwright's
// round trips to the browser are not in it.

// A press not acknowledged by then counts as missed; the bench moves on.
const ACK_TIMEOUT_MS = 15_000;
// After the first sign of acknowledgment is painted, how long the other may take (for insight).
const SECOND_SIGN_GRACE_MS = 2_000;
const EDITOR = 'section[aria-labelledby="editor-title"]';
const GENERATE = `${EDITOR} button[type="submit"]`;

/**
 * Opens `/w/<slug>` signed in (the session cookie a browser of theirs would hold) in a context of
 * the person's own, arriving from `address` through the trusted proxy as each end-to-end test's
 * visitor does (tests/e2e/client.ts): the studio's per-address limits count people apart.
 */
export async function openStudio(browser, { origin, slug, cookie, address }) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: { "x-forwarded-for": address },
  });
  const eq = cookie.indexOf("=");
  await context.addCookies([
    { name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: origin },
  ]);
  const page = await context.newPage();
  await page.goto(`${origin}/w/${slug}`);
  const prompt = page.locator("#prompt");
  const generate = page.locator(GENERATE);

  /** Types the prompt; true once Generate is enabled (typed before hydration, it is typed again). */
  async function type(text) {
    for (let attempt = 0; attempt < 5; attempt++) {
      await prompt.fill(text);
      const enabled = await page
        .waitForFunction((sel) => document.querySelector(sel)?.disabled === false, GENERATE, {
          timeout: 3_000,
        })
        .then(
          () => true,
          () => false,
        );
      if (enabled) return true;
    }
    return false;
  }

  return {
    /** The Takes picker, as a person sets it: one press then makes that many takes of one shot. */
    async chooseTakes(n) {
      const takes = page.getByRole("group", { name: "Takes", exact: true });
      await takes.getByText(String(n), { exact: true }).click();
      await page.waitForFunction(
        (n) => document.querySelector(`input[name="takes"][value="${n}"]`)?.checked === true,
        n,
        { timeout: 10_000 },
      );
    },
    /**
     * Types `text` and presses Generate. Resolves to the ms from the click to the frame that
     * paints the first sign of the server's answer (`ackMs`), which that sign was (`firstSign`:
     * "card" or "note"), to each sign in the DOM (`cardMs`, `noteMs`), and to the server
     * action's answer as the browser's network timing has it (`answerMs`: the request sent at
     * `sentMs`, its first byte back at `firstByteMs`); `failure` holds the editor's alert if the
     * press was refused.
     */
    async press(text, marker) {
      if (!(await type(text))) return { ackMs: null, failure: "Generate never became enabled" };
      await page.evaluate(watchPress, {
        editor: EDITOR,
        marker,
        timeoutMs: ACK_TIMEOUT_MS,
        graceMs: SECOND_SIGN_GRACE_MS,
      });
      await generate.click();
      const r = await page.evaluate(() => window.__benchPress);
      const since = (t) =>
        t === null || t === undefined || r.clickAt === null ? null : t - r.clickAt;
      return {
        ackMs: since(r.paintAt),
        firstSign: r.firstSign,
        cardMs: since(r.cardAt),
        noteMs: since(r.noteAt),
        sentMs: since(r.action?.requestStart),
        firstByteMs: since(r.action?.responseStart),
        answerMs: since(r.action?.responseEnd),
        failure: r.failure,
      };
    },
    /** The same browser's round trips of a route that does nothing (BENCH_ROUTES=1), in ms. */
    noopRoundTrips(n) {
      return page.evaluate(async (n) => {
        const times = [];
        for (let i = 0; i < n; i++) {
          const start = performance.now();
          const res = await fetch("/api/bench/noop", { method: "POST", cache: "no-store" });
          await res.text();
          if (!res.ok) throw new Error(`/api/bench/noop answered ${res.status}`);
          times.push(performance.now() - start);
        }
        return times;
      }, n);
    },
    /**
     * V8's sampling profile of the page while `run` runs, as a .cpuprofile object, to read where
     * its main thread goes (BENCH_CPU_PROFILE).
     */
    async profile(run) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
      const result = await run();
      const { profile } = await cdp.send("Profiler.stop");
      await cdp.detach();
      return { result, profile };
    },
    close: () => context.close(),
  };
}

/**
 * Runs in the page before the click. Two things show that the server took the press, both from
 * its answer: the new card at the top of the gallery (its prompt carries the press's marker) and
 * the editor's "Generation started" note, which Generate empties at the click and the answer
 * fills again (in the same render that empties the prompt box). The press counts as acknowledged
 * at the animation frame after the first of them changes the DOM: the frame that paints it. The
 * click event's own timestamp starts the clock.
 */
function watchPress({ editor: editorSelector, marker, timeoutMs, graceMs }) {
  const editor = document.querySelector(editorSelector);
  // The note's live region stays in the page, empty between presses.
  const note = editor.querySelector('[data-testid="started-note"]');
  const button = editor.querySelector('button[type="submit"]');
  // The server action's request is found among this press's resource timings.
  performance.clearResourceTimings();
  window.__benchPress = new Promise((resolve) => {
    const out = {
      clickAt: null,
      firstSign: null,
      paintAt: null,
      noteAt: null,
      cardAt: null,
      action: null,
      failure: null,
    };
    let noteCleared = !note.textContent;
    let graceTimer;
    const observer = new MutationObserver(check);
    const timer = setTimeout(finish, timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    button.addEventListener(
      "click",
      (event) => {
        out.clickAt = event.timeStamp;
        check();
      },
      { capture: true, once: true },
    );

    function check() {
      if (out.clickAt === null) return;
      const now = performance.now();
      if (!note.textContent) noteCleared = true;
      else if (noteCleared && out.noteAt === null) seen("note", now);
      const card = document.querySelector('[data-testid="generation-card"]');
      if (out.cardAt === null && card?.textContent?.includes(marker)) seen("card", now);
      const alert = editor.querySelector('[role="alert"]');
      if (alert && out.failure === null) {
        out.failure = alert.textContent;
        finish();
      }
    }

    function seen(sign, at) {
      out[`${sign}At`] = at;
      if (out.firstSign === null) {
        out.firstSign = sign;
        requestAnimationFrame(() => {
          out.paintAt = performance.now();
          // The other sign is recorded too, for insight, if it comes soon.
          graceTimer = setTimeout(finish, graceMs);
          if (out.noteAt !== null && out.cardAt !== null) finish();
        });
      } else if (out.paintAt !== null) finish();
    }

    function finish() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(graceTimer);
      // Next.js posts a server action to the page's own URL.
      const action = performance
        .getEntriesByType("resource")
        .find((e) => e.initiatorType === "fetch" && e.name === location.href);
      if (action) {
        out.action = {
          requestStart: action.requestStart,
          responseStart: action.responseStart,
          responseEnd: action.responseEnd,
        };
      }
      resolve(out);
    }
  });
}
