"use client";
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from "react";
import { useFinishedWord } from "@/components/studio/finished-word";
import { useGenerationEvents } from "@/lib/queries/use-generation-events";

/** Whether the stream is open, as a store: its readers are told, not the tree around them. */
class LiveFlag {
  private value = false;
  private readonly listeners = new Set<() => void>();
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  get = () => this.value;
  set(value: boolean) {
    if (value === this.value) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}

// The context holds the same store for the page's life: a changing context value would reach
// the gallery before React has hydrated it, and React would then hydrate it all at once.
const LiveContext = createContext<LiveFlag | null>(null);

/** Opens the workspace's event stream once for every page under it, and says when videos end. */
export function LiveUpdates(props: { slug: string; children: ReactNode }) {
  const onChange = useFinishedWord(props.slug);
  const { connected } = useGenerationEvents(props.slug, onChange);
  const [flag] = useState(() => new LiveFlag());
  useEffect(() => flag.set(connected), [flag, connected]);
  return <LiveContext.Provider value={flag}>{props.children}</LiveContext.Provider>;
}

const offline = () => false;
const never = () => () => {};

/** Whether live events are flowing (then polling is only a slow safety net). */
export function useLiveConnected(): boolean {
  const flag = useContext(LiveContext);
  return useSyncExternalStore(flag?.subscribe ?? never, flag?.get ?? offline, offline);
}
