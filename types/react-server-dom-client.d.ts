// React's client encoder for server action arguments, as Next.js ships it (used by the tests).
declare module "next/dist/compiled/react-server-dom-turbopack/client.node" {
  export function encodeReply(value: unknown): Promise<string | FormData>;
}
