"use client";
import { useNow } from "@/components/hooks/use-now";

export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A live m:ss counter since `since`; kept out of live regions so it isn't read out each second. */
export function Elapsed(props: { since: string; className?: string }) {
  const now = useNow();
  const start = Date.parse(props.since);
  return (
    <time
      dateTime={props.since}
      className={props.className ?? "font-mono text-[11px] tabular-nums"}
      data-testid="elapsed"
    >
      {now === null ? "0:00" : formatElapsed(now - start)}
    </time>
  );
}
