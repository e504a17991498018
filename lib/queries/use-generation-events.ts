"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { GenerationDto } from "@/lib/generations/dto";
import { isGenerationState } from "@/lib/generations/state-machine";
import {
  fetchJson,
  findGeneration,
  generationKeys,
  generationsUrl,
  invalidateFilteredLists,
  patchGenerationState,
  replaceGeneration,
} from "@/lib/queries/use-generations";

// Events often come in bursts (queuing → generating → success); one fetch per id per burst.
const BATCH_MS = 250;
const RECONNECT_MS = { first: 2_000, max: 60_000 };

function parseEvent(data: string): { id: string; state: GenerationDto["state"] } | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null) return null;
    const { id, state } = value as Record<string, unknown>;
    if (typeof id !== "string" || typeof state !== "string" || !isGenerationState(state))
      return null;
    return { id, state };
  } catch {
    return null;
  }
}

/**
 * Follows the workspace's event stream and keeps the query cache current: each `generation`
 * event moves the badge at once, then the full record is fetched. Returns whether the stream
 * is open, so polling can slow down while it is.
 */
export function useGenerationEvents(
  slug: string,
  /** Told of each generation the stream said changed: as it is now, and as the page had it. */
  onChange?: (now: GenerationDto, before: GenerationDto | undefined) => void,
): { connected: boolean } {
  const qc = useQueryClient();
  const [connected, setConnected] = useState(false);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
    let batchTimer: ReturnType<typeof setTimeout> | undefined;
    let delay = RECONNECT_MS.first;
    let openedBefore = false;
    let stopped = false;
    // Each changed id, with the generation as the page had it before the burst's first event.
    const pending = new Map<string, GenerationDto | undefined>();

    // Whether the page held the generation, or null when it could not be fetched.
    const refresh = async (id: string, before: GenerationDto | undefined) => {
      try {
        const dto = await fetchJson<GenerationDto>(
          `${generationsUrl(slug)}/${encodeURIComponent(id)}`,
        );
        onChangeRef.current?.(dto, before);
        return replaceGeneration(qc, slug, dto);
      } catch {
        return null;
      }
    };

    // One round of list requests per burst, however many generations it moved.
    const flush = async () => {
      batchTimer = undefined;
      const changed = [...pending];
      pending.clear();
      const held = await Promise.all(changed.map(([id, before]) => refresh(id, before)));
      if (held.includes(null)) {
        await qc.invalidateQueries({ queryKey: generationKeys.all(slug) });
      } else if (held.includes(false)) {
        // Not in the gallery's loaded pages (a new take, or someone else's): the list decides where.
        await qc.invalidateQueries({ queryKey: generationKeys.list(slug) });
      } else {
        await invalidateFilteredLists(qc, slug);
      }
    };

    const onGeneration = (event: MessageEvent<string>) => {
      const parsed = parseEvent(event.data);
      if (!parsed) return;
      if (!pending.has(parsed.id)) pending.set(parsed.id, findGeneration(qc, slug, parsed.id));
      patchGenerationState(qc, slug, parsed.id, parsed.state);
      batchTimer ??= setTimeout(() => void flush(), BATCH_MS);
    };

    const connect = () => {
      source = new EventSource(`/api/w/${encodeURIComponent(slug)}/events`);
      source.addEventListener("generation", onGeneration);
      source.onopen = () => {
        setConnected(true);
        delay = RECONNECT_MS.first;
        // Whatever changed while we were away was not announced to us.
        if (openedBefore) void qc.invalidateQueries({ queryKey: generationKeys.all(slug) });
        openedBefore = true;
      };
      source.onerror = () => {
        setConnected(false);
        // The browser retries a dropped stream itself, but gives up on an HTTP error: we don't.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          reconnectTimer = setTimeout(connect, delay);
          delay = Math.min(delay * 2, RECONNECT_MS.max);
        }
      };
    };

    connect();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(reconnectTimer);
      clearTimeout(batchTimer);
      setConnected(false);
    };
  }, [slug, qc]);

  return { connected };
}
