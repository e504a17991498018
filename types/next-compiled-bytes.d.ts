// The size parser Next.js reads `serverActions.bodySizeLimit` with ("1mb", "500 kb", a number).
declare module "next/dist/compiled/bytes" {
  export function parse(value: string | number): number | null;
}
