import { NextResponse } from "next/server";

// The benchmark's reference route (`npm run bench`): the cost of a route handler that does
// nothing, measured in the same server as the routes under test. Answers only when the server was
// started with BENCH_ROUTES=1; everywhere else it does not exist.
export const dynamic = "force-dynamic";

function noop(): NextResponse {
  if (process.env.BENCH_ROUTES !== "1") {
    return NextResponse.json({ error: "not_found" }, { status: 404 });
  }
  return NextResponse.json({ ok: true });
}

export function GET(): NextResponse {
  return noop();
}

export function POST(): NextResponse {
  return noop();
}
