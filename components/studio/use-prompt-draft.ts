"use client";
import { useEffect, useState } from "react";

const DEFAULT_OPTIMIZER = true;

function storageKey(slug: string) {
  return `hailuo-studio:draft:${slug}`;
}

function readDraft(slug: string): { prompt: string; optimizer: boolean } | null {
  try {
    const raw = window.localStorage.getItem(storageKey(slug));
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { prompt, optimizer } = value as Record<string, unknown>;
    return {
      prompt: typeof prompt === "string" ? prompt : "",
      optimizer: typeof optimizer === "boolean" ? optimizer : DEFAULT_OPTIMIZER,
    };
  } catch {
    return null; // storage disabled or a corrupt entry: start blank
  }
}

// "Use this prompt" (remix) hands a generation's prompt to an editor open on the same page.
const LOAD_EVENT = "hailuo-studio:load-draft";

/**
 * Loads a prompt and optimizer setting into the workspace's editor: saved as the draft (an
 * editor opened later restores it) and announced to an editor already on the page.
 */
export function loadPromptDraft(slug: string, draft: { prompt: string; optimizer: boolean }) {
  writeDraft(slug, draft);
  window.dispatchEvent(new CustomEvent(LOAD_EVENT, { detail: { slug, ...draft } }));
}

function writeDraft(slug: string, draft: { prompt: string; optimizer: boolean }) {
  try {
    if (draft.prompt === "" && draft.optimizer === DEFAULT_OPTIMIZER) {
      window.localStorage.removeItem(storageKey(slug));
    } else {
      window.localStorage.setItem(storageKey(slug), JSON.stringify(draft));
    }
  } catch {
    // Private mode or a full quota: the draft just won't outlive the tab.
  }
}

/**
 * The editor's prompt and optimizer setting, kept in localStorage per workspace so a reload
 * loses nothing. Restored after hydration (the server cannot know it); `reset` clears it.
 */
export function usePromptDraft(slug: string) {
  const [prompt, setPrompt] = useState("");
  const [optimizer, setOptimizer] = useState(DEFAULT_OPTIMIZER);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const draft = readDraft(slug);
    if (draft) {
      setPrompt(draft.prompt);
      setOptimizer(draft.optimizer);
    }
    setRestored(true);
  }, [slug]);

  useEffect(() => {
    const onLoad = (event: Event) => {
      const detail = (event as CustomEvent<{ slug: string; prompt: string; optimizer: boolean }>)
        .detail;
      if (detail?.slug !== slug) return;
      setPrompt(detail.prompt);
      setOptimizer(detail.optimizer);
    };
    window.addEventListener(LOAD_EVENT, onLoad);
    return () => window.removeEventListener(LOAD_EVENT, onLoad);
  }, [slug]);

  // One small synchronous write per change, after paint: typing never waits for it.
  useEffect(() => {
    if (restored) writeDraft(slug, { prompt, optimizer });
  }, [slug, prompt, optimizer, restored]);

  return {
    prompt,
    setPrompt,
    optimizer,
    setOptimizer,
    restored,
    /** After a successful Generate: back to a blank draft, unless the person already typed anew. */
    reset: (submitted: string) => {
      setPrompt((current) => (current === submitted ? "" : current));
      setOptimizer(DEFAULT_OPTIMIZER);
    },
  };
}
