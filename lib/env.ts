import "server-only";

// The app's way in to its configuration; `server-only` keeps it (and the secrets it holds) out of
// any browser bundle.
export { type Env, env } from "@/lib/read-env";
