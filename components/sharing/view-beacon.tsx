"use client";
import { useEffect, useRef } from "react";
import { recordShareViewAction } from "@/lib/actions/sharing/record-share-view";

/** Counts this page load as one view of the share link; renders nothing. */
export function ViewBeacon(props: { token: string }) {
  // Once per page load, even where React runs an effect twice (development's strict mode).
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    // A view that can't be counted is not the visitor's problem: nothing to show.
    void recordShareViewAction({ token: props.token }).catch(() => undefined);
  }, [props.token]);
  return null;
}
