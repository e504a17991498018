"use client";
import { type UseMutationOptions, useMutation } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/actions/action-result";

/** A server action that answered with an error: final, so never retried. */
export class ActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

const NETWORK_RETRIES = 2;

/**
 * A mutation over a server action: an `ok: false` answer becomes an ActionError; a request that
 * never got an answer (the network) is retried with the same input — so with the same
 * idempotency key — and then thrown as is.
 */
export function useActionMutation<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  options: Omit<UseMutationOptions<T, Error, I>, "mutationFn" | "retry"> = {},
) {
  return useMutation<T, Error, I>({
    ...options,
    mutationFn: async (input) => {
      const result = await action(input);
      if (!result.ok) {
        throw new ActionError(result.error.code, result.error.message, result.error.fields);
      }
      return result.data;
    },
    // Try even when the browser says it is offline: the person sees the error and keeps control,
    // instead of a button that spins until the connection returns.
    networkMode: "always",
    retry: (failures, error) => !(error instanceof ActionError) && failures < NETWORK_RETRIES,
    retryDelay: (attempt) => 600 * 2 ** attempt,
  });
}
