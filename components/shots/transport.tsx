"use client";
import { useTranslations } from "next-intl";
import type { SyncedVideos } from "@/components/shots/use-synced-videos";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LoopIcon, PauseIcon, PlayIcon } from "@/components/ui/icons";

/** 2.35 → "0:02.3": fine enough to line takes up by eye. */
function clock(seconds: number): string {
  const s = Math.max(0, seconds);
  const whole = Math.floor(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}.${Math.floor((s - whole) * 10)}`;
}

/** One set of controls for every take: play or pause, the position, loop. */
export function Transport(props: { sync: SyncedVideos; className?: string }) {
  const t = useTranslations("shots");
  const { sync } = props;
  return (
    <fieldset
      className={cn(
        "flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl bg-surface/95 px-3 py-2 shadow-sm ring-1 ring-line backdrop-blur",
        props.className,
      )}
    >
      <legend className="sr-only">{t("compare")}</legend>
      <Button
        variant="primary"
        size="sm"
        className="w-24"
        data-testid="compare-play"
        onClick={() => (sync.playing ? sync.pause() : sync.play())}
      >
        {sync.playing ? <PauseIcon className="size-3.5" /> : <PlayIcon className="size-3.5" />}
        {sync.playing ? t("pause") : t("play")}
      </Button>
      <input
        type="range"
        aria-label={t("position")}
        aria-valuetext={clock(sync.time)}
        min={0}
        max={sync.duration || 0}
        step={0.05}
        value={Math.min(sync.time, sync.duration || 0)}
        onChange={(e) => sync.seek(Number(e.currentTarget.value))}
        // A row of its own on a phone, where it would be a stub beside the buttons.
        className="order-last h-1.5 min-w-0 basis-full cursor-pointer accent-accent-500 sm:order-none sm:basis-0 sm:flex-1"
      />
      <span className="ml-auto shrink-0 font-mono text-xs text-fg-muted tabular-nums sm:ml-0">
        {clock(sync.time)} / {clock(sync.duration)}
      </span>
      <Button
        variant="ghost"
        size="sm"
        className={cn("px-2", sync.loop && "text-accent-600")}
        aria-pressed={sync.loop}
        aria-label={t("loop")}
        title={t("loop")}
        onClick={() => sync.setLoop(!sync.loop)}
      >
        <LoopIcon className="size-4" />
      </Button>
    </fieldset>
  );
}
