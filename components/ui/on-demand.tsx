"use client";
import { type ComponentType, lazy } from "react";

/**
 * A component whose code is fetched the first time it is wanted rather than with the page: the
 * dialogs, questions and popovers that open on a press. `preload` starts the fetch early (on
 * hover or focus of what opens it) so the first opening rarely waits; `Component` renders it
 * (inside a Suspense boundary) once opened.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>) {
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    pending ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        // A fetch that failed on hover (offline for a moment) is tried again on opening.
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  return { Component: lazy(preload), preload: () => void preload().catch(() => {}) };
}
