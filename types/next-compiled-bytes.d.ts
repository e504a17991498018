// The size parser Next.js reads `serverActions.bodySizeLimit` with ("1mb", "500 kb", a number).
// A CommonJS module: Node's ESM loader sees only its default export, so it is imported whole.
declare module "next/dist/compiled/bytes" {
  const bytes: { parse(value: string | number): number | null };
  export default bytes;
}
