import type { SimulatorContext } from "./context";

const loopbackNames = ["127.0.0.1", "localhost", "[::1]"];

/** True for a URL into this simulator, whatever host name it was reached by. */
export function isOwnUrl(ctx: SimulatorContext, url: URL): boolean {
  const own = new URL(ctx.baseUrl());
  return url.port === own.port && [...loopbackNames, own.hostname].includes(url.hostname);
}
