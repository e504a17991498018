/**
 * One value per server process under `name`. Next.js can compile a module into several bundles
 * (route handlers, server actions, the worker started at boot), each with its own module state;
 * what they must share — the event bus, the job worker, open files, caches — lives on globalThis.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`hailuo-studio.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  holder[key] ??= create();
  return holder[key];
}
