"use client";
import { useEffect, useState } from "react";

const DEFAULT_OPTIMIZER = true;

function storageKey(slug: string) {
  return `hailuo-studio:draft:${slug}`;
}

/** A stored JSON object's fields, or null: storage disabled, nothing there, or a corrupt entry. */
function readStored(key: string): Record<string, unknown> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function readDraft(slug: string): { prompt: string; optimizer: boolean } | null {
  const stored = readStored(storageKey(slug));
  if (!stored) return null; // start blank
  return {
    prompt: typeof stored.prompt === "string" ? stored.prompt : "",
    optimizer: typeof stored.optimizer === "boolean" ? stored.optimizer : DEFAULT_OPTIMIZER,
  };
}

// "Use this prompt" (remix) hands a generation's prompt to an editor open on the same page.
const LOAD_EVENT = "hailuo-studio:load-draft";

/**
 * Loads a prompt and optimizer setting into the workspace's editor: saved as the draft (an
 * editor opened later restores it) and announced to an editor already on the page.
 */
export function loadPromptDraft(slug: string, draft: { prompt: string; optimizer: boolean }) {
  // What the person had written is kept aside, so the editor can offer it back. Not a prompt
  // an earlier "Use this prompt" put there untouched: their own writing stays the one kept.
  const before = readDraft(slug);
  const kept = readReplaced(slug);
  const untouched = kept !== null && before?.prompt === kept.loaded;
  if (untouched) {
    writeStored(replacedKey(slug), { ...kept, loaded: draft.prompt });
  } else if (before && before.prompt.trim() !== "" && before.prompt !== draft.prompt) {
    writeStored(replacedKey(slug), { ...before, loaded: draft.prompt });
  }
  writeDraft(slug, draft);
  window.dispatchEvent(new CustomEvent(LOAD_EVENT, { detail: { slug, ...draft } }));
}

function replacedKey(slug: string) {
  return `${storageKey(slug)}:replaced`;
}

function writeStored(key: string, value: unknown) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: nothing to offer back, nothing lost that was saved.
  }
}

interface Replaced {
  prompt: string;
  optimizer: boolean;
  /** The prompt "Use this prompt" put in its place. */
  loaded: string;
}

function readReplaced(slug: string): Replaced | null {
  const stored = readStored(replacedKey(slug));
  if (!stored || typeof stored.prompt !== "string" || stored.prompt.trim() === "") return null;
  return {
    prompt: stored.prompt,
    optimizer: typeof stored.optimizer === "boolean" ? stored.optimizer : DEFAULT_OPTIMIZER,
    loaded: typeof stored.loaded === "string" ? stored.loaded : "",
  };
}

function removeReplaced(slug: string) {
  try {
    window.localStorage.removeItem(replacedKey(slug));
  } catch {
    // Storage disabled: nothing was kept to remove.
  }
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
  // The draft "Use this prompt" replaced, while it can still be brought back.
  const [replaced, setReplaced] = useState<Replaced | null>(null);

  useEffect(() => {
    const draft = readDraft(slug);
    if (draft) {
      setPrompt(draft.prompt);
      setOptimizer(draft.optimizer);
    }
    setReplaced(readReplaced(slug));
    setRestored(true);
  }, [slug]);

  useEffect(() => {
    const onLoad = (event: Event) => {
      const detail = (event as CustomEvent<{ slug: string; prompt: string; optimizer: boolean }>)
        .detail;
      if (detail?.slug !== slug) return;
      setPrompt(detail.prompt);
      setOptimizer(detail.optimizer);
      setReplaced(readReplaced(slug));
    };
    window.addEventListener(LOAD_EVENT, onLoad);
    return () => window.removeEventListener(LOAD_EVENT, onLoad);
  }, [slug]);

  function forget() {
    removeReplaced(slug);
    setReplaced(null);
  }

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
      forget();
    },
    /** The draft "Use this prompt" replaced, if it can still be brought back. */
    replaced,
    /** Brings the replaced draft back. */
    undoReplace: () => {
      forget();
      if (!replaced) return;
      setPrompt(replaced.prompt);
      setOptimizer(replaced.optimizer);
    },
    /** Keeps the new prompt: the replaced draft is let go. */
    keepReplacement: forget,
  };
}
