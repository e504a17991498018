"use client";
import { createContext, type ReactNode, useContext } from "react";
import { useFinishedWord } from "@/components/studio/finished-word";
import { useGenerationEvents } from "@/lib/queries/use-generation-events";

const LiveContext = createContext(false);

/** Opens the workspace's event stream once for every page under it, and says when videos end. */
export function LiveUpdates(props: { slug: string; children: ReactNode }) {
  const onChange = useFinishedWord(props.slug);
  const { connected } = useGenerationEvents(props.slug, onChange);
  return <LiveContext.Provider value={connected}>{props.children}</LiveContext.Provider>;
}

/** Whether live events are flowing (then polling is only a slow safety net). */
export function useLiveConnected(): boolean {
  return useContext(LiveContext);
}
