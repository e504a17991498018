"use client";
import { ListVideo, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Elapsed } from "@/components/gallery/elapsed";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { shotHref, takeHref } from "@/components/shots/shot-links";
import { Button } from "@/components/ui/button";
import { IntentLink } from "@/components/ui/intent-link";
import { Spinner } from "@/components/ui/spinner";
import type { GenerationDto } from "@/lib/generations/dto";
import { QUEUE_PHASES, type QueuedPress, queuedPresses } from "@/lib/generations/press-queue";
import { promptTitle } from "@/lib/generations/prompt-title";
import { useCancelGeneration } from "@/lib/queries/use-cancel-generation";
import { useGenerations } from "@/lib/queries/use-generations";

// A few rows keep the first videos on a phone's first screen; the rest are one press away.
const SHOWN = 3;

/**
 * The person's own presses still on their way — waiting to be sent, being sent, at kie.ai or
 * being saved — newest first, each with Cancel for its takes not yet sent. Hidden when empty.
 * Fed by its own live list (so a filtered gallery doesn't hide a press) and by what the gallery
 * already holds (so a press shows the moment the server acknowledges it).
 */
export function QueuePanel(props: {
  slug: string;
  viewerId: string;
  live: boolean;
  galleryItems: readonly GenerationDto[];
}) {
  const t = useTranslations("queue");
  const [expanded, setExpanded] = useState(false);
  const filters = useMemo(
    () => ({ author: props.viewerId, state: "in_progress", limit: "100" }),
    [props.viewerId],
  );
  const query = useGenerations({ slug: props.slug, live: props.live, filters });
  const presses = useMemo(() => {
    const own = query.data?.pages.flatMap((p) => p.items) ?? [];
    return queuedPresses([...own, ...props.galleryItems], props.viewerId);
  }, [query.data, props.galleryItems, props.viewerId]);

  if (presses.length === 0) return null;
  const takes = presses.reduce(
    (sum, p) => sum + QUEUE_PHASES.reduce((n, phase) => n + p.counts[phase], 0),
    0,
  );
  const shown = expanded ? presses : presses.slice(0, SHOWN);
  return (
    <section
      aria-labelledby="queue-title"
      className="mb-4 rounded-xl bg-surface px-3 py-2.5 shadow-xs ring-1 ring-line/80 sm:px-4"
    >
      <div className="flex items-center gap-2">
        <ListVideo aria-hidden="true" className="size-4 shrink-0 text-accent-600" />
        <h3 id="queue-title" className="text-[13px] font-semibold text-fg">
          {t("title")}
        </h3>
        <span className="text-xs text-fg-muted">
          {t("summary", { presses: presses.length, takes })}
        </span>
      </div>
      <ol className="mt-1.5 divide-y divide-line-soft">
        {shown.map((press) => (
          <QueueRow key={press.shotId} slug={props.slug} press={press} />
        ))}
      </ol>
      {presses.length > SHOWN && (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded((v) => !v)}
          className="mt-1 text-xs font-medium text-accent-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500"
        >
          {expanded ? t("showFewer") : t("showAll", { count: presses.length })}
        </button>
      )}
    </section>
  );
}

function QueueRow(props: { slug: string; press: QueuedPress }) {
  const t = useTranslations("queue");
  const { press } = props;
  const name = promptTitle(press.prompt, 60);
  const href =
    press.takes > 1 ? shotHref(props.slug, press.shotId) : takeHref(props.slug, press.firstId);
  const where = QUEUE_PHASES.filter((phase) => press.counts[phase] > 0)
    .map((phase) => t(`phase.${phase}`, { count: press.counts[phase] }))
    .join(" · ");
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5" data-testid="queue-press">
      <div className="min-w-0 flex-1">
        <IntentLink
          href={href}
          className="block truncate text-[13px] font-medium text-fg hover:underline focus-visible:outline-2 focus-visible:outline-accent-500"
        >
          {name}
        </IntentLink>
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-fg-muted">
          <span>{where}</span>
          <Elapsed since={press.createdAt} className="font-mono text-[11px] tabular-nums" />
        </p>
      </div>
      {press.unsentIds.length > 0 && (
        <CancelUnsent slug={props.slug} ids={press.unsentIds} name={name} />
      )}
    </li>
  );
}

/** Calls off every take of a press not yet sent; the ones already sent carry on. */
function CancelUnsent(props: { slug: string; ids: string[]; name: string }) {
  const t = useTranslations("queue");
  const actionErrorText = useActionErrorText();
  const cancel = useCancelGeneration(props.slug);
  const [busy, setBusy] = useState(false);
  const onCancel = async () => {
    setBusy(true);
    try {
      // One at a time: a take sent meanwhile answers with an error and the rest still go.
      for (const id of props.ids) await cancel.mutateAsync(id).catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="shrink-0">
      <Button
        variant="secondary"
        size="sm"
        aria-label={t("cancelName", { count: props.ids.length, name: props.name })}
        disabled={busy}
        onClick={() => void onCancel()}
      >
        {busy ? <Spinner /> : <X aria-hidden="true" className="size-3.5" />}
        {t("cancel", { count: props.ids.length })}
      </Button>
      {cancel.error && !busy && (
        <p role="alert" className="mt-1 text-xs text-danger">
          {actionErrorText(cancel.error)}
        </p>
      )}
    </div>
  );
}
