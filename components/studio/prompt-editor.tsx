"use client";
import { useQueryClient } from "@tanstack/react-query";
import { CircleAlert, PanelTopClose } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  type ClipboardEvent,
  type FormEvent,
  type KeyboardEvent,
  Suspense,
  startTransition,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { flushSync } from "react-dom";
import { CreditsBadge } from "@/components/credits/credits-badge";
import { statusKind } from "@/components/gallery/status";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { useBrowserValue } from "@/components/hooks/use-hydrated";
import { useModelText } from "@/components/models/use-model-text";
import { CameraHints } from "@/components/studio/camera-hints";
import type { EditorImages } from "@/components/studio/image-slots";
import { choiceToSend, ModelPicker, useModelChoice } from "@/components/studio/model-choice";
import { settleChoice } from "@/components/studio/model-choice-rules";
import { newIdempotencyKey } from "@/components/studio/new-idempotency-key";
import { RecentPrompts } from "@/components/studio/recent-prompts";
import { useEditorFold } from "@/components/studio/studio-layout";
import { TakesPicker, useTakesChoice } from "@/components/studio/takes-picker";
import { loadPromptDraft, usePromptDraft } from "@/components/studio/use-prompt-draft";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CheckIcon, SparklesIcon } from "@/components/ui/icons";
import { onDemand } from "@/components/ui/on-demand";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import type { GenerationDto } from "@/lib/generations/dto";
import { hasCameraCommand, insertCameraCommand } from "@/lib/kie/camera-commands";
import { estimateCredits, MODELS } from "@/lib/kie/models";
import { countPromptChars } from "@/lib/kie/prompt";
import { recentPromptsKey } from "@/lib/queries/recent-prompts-key";
import { ActionError } from "@/lib/queries/use-action-mutation";
import { useCreateGeneration } from "@/lib/queries/use-create-generation";
import { useGeneration } from "@/lib/queries/use-generation";

// The counter turns amber this close to the model's limit.
const WARN_SHARE = 0.9;

const Slots = onDemand(() => import("@/components/studio/image-slots").then((m) => m.ImageSlots));

/** A press whose request got no answer: its outcome is unknown, so pressing again reuses its key. */
interface UnansweredPress {
  key: string;
  prompt: string;
  optimizer: boolean;
  takes: number;
  /** The model, length and size sent, as one comparable string. */
  choice: string;
}

export function PromptEditor(props: {
  slug: string;
  canGenerate: boolean;
  /** An admin: a refusal for the budget links to where it is set. */
  canSetBudget: boolean;
}) {
  const t = useTranslations("editor");
  const ti = useTranslations("editor.images");
  const actionErrorText = useActionErrorText();
  const draft = usePromptDraft(props.slug);
  const create = useCreateGeneration(props.slug);
  const fold = useEditorFold();
  const [takes, setTakes] = useTakesChoice();
  const [modelChoice, setModelChoice] = useModelChoice();
  // The images the next press starts and ends on; kept after a press, for the next take on them.
  const [images, setImages] = useState<EditorImages>({ start: null, end: null });
  const slots = useRef<{ paste: (file: File) => void }>(null);
  const { name: modelName } = useModelText();
  const qc = useQueryClient();
  // The Recent menu, and whether ↑ in the empty prompt box opened it (focus then goes into it).
  const [recentOpen, setRecentOpen] = useState(false);
  const [recentFromKeyboard, setRecentFromKeyboard] = useState(false);
  const onRecentOpenChange = useCallback((open: boolean) => {
    setRecentOpen(open);
    if (!open) setRecentFromKeyboard(false);
  }, []);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const inFlightRef = useRef(false);
  const unansweredRef = useRef<UnansweredPress | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  // The generation just started, for a visible "it's below" with a way to it: on a phone the
  // gallery is a screen further down, and the emptied box alone says nothing.
  // Or one kie.ai refused on the spot: its card says why (once, there), and the prompt stays.
  const [started, setStarted] = useState<Started | null>(null);
  const clearStarted = useCallback(() => setStarted(null), []);

  // Arriving from "Use this prompt" on another page: the prompt is here to be edited.
  useEffect(() => {
    if (window.location.hash === "#prompt") textareaRef.current?.focus();
  }, []);

  const { prompt, optimizer } = draft;
  const model = MODELS[modelChoice.model];
  const max = model.promptMax;
  const toSend = {
    ...choiceToSend(modelChoice),
    ...(model.start === "image" && images.start && { startImageId: images.start.id }),
    ...(model.endImage && images.end && { endImageId: images.end.id }),
  };
  const needsStart = model.start === "image" && !images.start;
  const choiceKey = JSON.stringify(toSend);
  const count = countPromptChars(prompt);
  const over = count > max;
  const blank = prompt.trim() === "";
  const busy = create.isPending;
  const canSubmit = props.canGenerate && !blank && !over && !busy && !needsStart;

  function submit() {
    // isPending flips on the next render; the ref shuts the door within the same tick too.
    if (!canSubmit || inFlightRef.current) return;
    // The same prompt pressed again after a request that got no answer reuses that press's key,
    // so the server sees one press; anything else is a new press with a new key.
    const last = unansweredRef.current;
    const key =
      last &&
      last.prompt === prompt &&
      last.optimizer === optimizer &&
      last.takes === takes &&
      last.choice === choiceKey
        ? last.key
        : newIdempotencyKey();
    inFlightRef.current = true;
    // The last press's note can go a moment later: rendered now, it would hold up the request.
    startTransition(() => {
      setFailure(null);
      setStarted(null);
    });
    create.mutate(
      { prompt, promptOptimizer: optimizer, idempotencyKey: key, takes, ...toSend },
      {
        onSuccess: ([g, ...others]) => {
          unansweredRef.current = null;
          if (!g) return;
          const sent = { generation: g, takes: 1 + others.length, prompt, optimizer };
          // A replay of a press kie.ai already refused: the prompt stays to be changed.
          if (statusKind(g) === "error") {
            setStarted({ ...sent, refused: true });
            return;
          }
          // The press is acknowledged in this very frame, not after whatever else is queued.
          flushSync(() => {
            draft.reset(prompt);
            setStarted({ ...sent, refused: false });
          });
          void qc.invalidateQueries({ queryKey: recentPromptsKey(props.slug) });
        },
        onError: (error) => {
          // A server answer is final; a missing one leaves the outcome open, so keep the key.
          unansweredRef.current =
            error instanceof ActionError
              ? null
              : { key, prompt, optimizer, takes, choice: choiceKey };
          setFailure(error);
        },
        onSettled: () => {
          inFlightRef.current = false;
        },
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // ↑ in an empty box: the recent prompts, as a shell's history.
    if (event.key === "ArrowUp" && prompt === "" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      setRecentFromKeyboard(true);
      setRecentOpen(true);
      return;
    }
    if (
      event.key === "Enter" &&
      (event.metaKey || event.ctrlKey) &&
      !event.nativeEvent.isComposing
    ) {
      event.preventDefault();
      submit();
    }
  }

  // An image pasted into the prompt box goes to the image slots, when the model takes images:
  // the start image first, then the end image.
  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    if (model.start !== "image") return;
    const file = [...event.clipboardData.files].find((f) => f.type.startsWith("image/"));
    if (!file) return;
    event.preventDefault();
    slots.current?.paste(file);
  }

  // Why the last camera pick was not inserted (a bracket already holds three moves).
  const [cameraProblem, setCameraProblem] = useState<string | null>(null);
  function insertCamera(command: string) {
    const el = textareaRef.current;
    const result = insertCameraCommand(
      prompt,
      { start: el?.selectionStart ?? prompt.length, end: el?.selectionEnd ?? prompt.length },
      command,
    );
    if (!result.ok) {
      setCameraProblem(t("camera.full"));
      return;
    }
    setCameraProblem(null);
    draft.setPrompt(result.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(result.caret, result.caret);
    });
  }

  // The shortcut's name (⌘ or Ctrl) is known once in the browser.
  const isMac = useBrowserValue(isApplePlatform, false);

  return (
    <section
      aria-labelledby="editor-title"
      className="rounded-2xl bg-surface shadow-sm ring-1 ring-line/80"
    >
      <form onSubmit={onSubmit}>
        <div className="flex items-center justify-between gap-3 px-4 pt-4 sm:px-5">
          <h2 id="editor-title" className="text-[15px] font-semibold tracking-tight text-fg">
            {t("title")}
          </h2>
          <div className="flex items-center gap-1">
            <span className="rounded-full bg-muted px-2 py-0.5 text-[11px] font-medium text-fg-muted">
              {modelName(modelChoice.model)}
            </span>
            {props.canGenerate && (
              <RecentPrompts
                slug={props.slug}
                onOpen={(fromKeyboard) => {
                  setRecentFromKeyboard(fromKeyboard);
                  setRecentOpen(true);
                }}
                open={recentOpen}
                fromKeyboard={recentFromKeyboard}
                promptBox={textareaRef}
                onOpenChange={onRecentOpenChange}
                onPick={(recent) => {
                  // As "Use this prompt": what was in the box is kept aside, to bring back.
                  loadPromptDraft(props.slug, {
                    prompt: recent.prompt,
                    optimizer: recent.promptOptimizer,
                  });
                  setTakes(recent.takes);
                  // Its model, length and size, where this editor still offers them.
                  setModelChoice(settleChoice(recent));
                }}
              />
            )}
            {fold && (
              <button
                type="button"
                onClick={fold.collapse}
                aria-expanded={true}
                aria-controls="editor"
                aria-label={t("collapse")}
                title={t("collapse")}
                className="-mr-1.5 inline-flex size-8 items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent-500"
              >
                <PanelTopClose aria-hidden="true" className="size-4" />
              </button>
            )}
          </div>
        </div>

        <div className="px-4 pt-3 sm:px-5">
          <div className="mb-1.5 flex items-baseline justify-between gap-3">
            <label htmlFor="prompt" className="text-[13px] font-medium text-fg-soft">
              {t("prompt")}
            </label>
            <span
              id="prompt-counter"
              data-testid="prompt-counter"
              className={cn(
                "font-mono text-xs tabular-nums transition-colors",
                over
                  ? "font-semibold text-danger"
                  : count >= max * WARN_SHARE
                    ? "text-warning"
                    : "text-fg-muted",
              )}
            >
              {`${count} / ${max}`}
            </span>
          </div>
          <textarea
            ref={textareaRef}
            id="prompt"
            // Reached by #prompt from another page: clear of the sticky header.
            style={{ scrollMarginTop: "5rem" }}
            name="prompt"
            rows={7}
            value={prompt}
            onChange={(event) => {
              setCameraProblem(null);
              draft.setPrompt(event.target.value);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            disabled={!props.canGenerate}
            placeholder={t("placeholder")}
            aria-invalid={over || undefined}
            aria-describedby={cn("prompt-counter", over && "prompt-over")}
            className={cn(
              "block max-h-[50vh] min-h-36 w-full resize-y rounded-xl bg-canvas/60 px-3.5 py-3 text-[15px] leading-relaxed text-fg ring-1 ring-inset transition-shadow",
              "placeholder:text-fg-subtle focus:bg-surface focus:ring-2 focus:outline-none disabled:cursor-not-allowed disabled:opacity-60",
              over ? "ring-danger-line focus:ring-danger-solid" : "ring-line focus:ring-accent-500",
            )}
          />
          <div aria-live="polite">
            {over && (
              <p id="prompt-over" className="mt-2 text-[13px] text-danger">
                {t("overLimit", { over: count - max, max })}
              </p>
            )}
          </div>
          {draft.replaced && (
            <p
              data-testid="replaced-draft"
              className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-canvas px-3 py-2 text-[13px] text-fg-muted ring-1 ring-line ring-inset"
            >
              <span className="min-w-0 flex-1">{t("replacedDraft")}</span>
              <button
                type="button"
                onClick={draft.undoReplace}
                className="font-medium text-accent-700 underline underline-offset-2 hover:no-underline"
              >
                {t("undoReplace")}
              </button>
              <button
                type="button"
                onClick={draft.keepReplacement}
                className="text-fg-muted hover:text-fg"
              >
                {t("keepReplacement")}
              </button>
            </p>
          )}
          <div className="mt-3">
            <CameraHints
              onInsert={insertCamera}
              disabled={!props.canGenerate}
              problem={cameraProblem}
            />
          </div>
        </div>

        <div className="mx-4 mt-4 border-t border-line-soft pt-4 sm:mx-5">
          <ModelPicker
            value={modelChoice}
            onChange={setModelChoice}
            disabled={!props.canGenerate}
          />
          {model.start === "image" && (
            <Suspense
              fallback={
                <div className="mt-3 aspect-video w-full rounded-xl bg-canvas/60 sm:w-1/2" />
              }
            >
              <Slots.Component
                ref={slots}
                slug={props.slug}
                endImage={model.endImage}
                value={images}
                onChange={(change) => setImages((was) => ({ ...was, ...change }))}
                disabled={!props.canGenerate}
              />
            </Suspense>
          )}
        </div>

        {model.optimizer && (
          <div className="mx-4 mt-4 flex items-start justify-between gap-4 border-t border-line-soft pt-4 sm:mx-5">
            <div className="min-w-0">
              <label htmlFor="prompt-optimizer" className="text-[13px] font-medium text-fg">
                {t("optimizer")}
              </label>
              <p id="prompt-optimizer-hint" className="mt-0.5 text-xs leading-5 text-fg-muted">
                {t("optimizerHint")}
              </p>
              {optimizer && hasCameraCommand(prompt) && (
                <p className="mt-1 text-xs leading-5 text-fg-soft">{t("camera.strictHint")}</p>
              )}
            </div>
            <Switch
              id="prompt-optimizer"
              checked={optimizer}
              onCheckedChange={draft.setOptimizer}
              describedBy="prompt-optimizer-hint"
              disabled={!props.canGenerate}
            />
          </div>
        )}

        <div className="space-y-3 p-4 sm:px-5">
          {failure && (
            <Alert>
              {describeFailure(failure, t, actionErrorText, max)}
              {props.canSetBudget &&
                failure instanceof ActionError &&
                failure.code === "budget_exceeded" && (
                  <Link
                    href={`/w/${encodeURIComponent(props.slug)}/settings/kie`}
                    className="mt-1 block font-medium underline underline-offset-2 hover:text-danger"
                  >
                    {t("openBudget")}
                  </Link>
                )}
            </Alert>
          )}
          <StartedNote started={started} onDone={clearStarted} />
          {started && !started.refused && (
            <RefusalWatch
              key={started.generation.id}
              slug={props.slug}
              generation={started.generation}
              onRefused={() => {
                // Refused by kie.ai (no credits, a prompt it won't take) just after the press:
                // unless a new prompt is already being written, the prompt comes back to be
                // changed, and the reason shows here, not only on a card a screen away.
                if (draft.prompt !== "") {
                  // The note would say the prompt is still here; the card says why instead.
                  setStarted(null);
                  return;
                }
                draft.setPrompt(started.prompt);
                draft.setOptimizer(started.optimizer);
                setStarted({ ...started, refused: true });
              }}
            />
          )}
          {!props.canGenerate && (
            <p className="rounded-lg bg-canvas px-3 py-2 text-[13px] text-fg-muted ring-1 ring-inset ring-line">
              {t("viewerOnly")}
            </p>
          )}
          {props.canGenerate && needsStart && (
            <p className="text-[13px] text-fg-muted">{ti("needStart")}</p>
          )}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <TakesPicker
              value={takes}
              onChange={setTakes}
              disabled={!props.canGenerate}
              describedBy="takes-hint"
            />
            <Button type="submit" size="lg" disabled={!canSubmit} className="w-full sm:w-auto">
              {busy ? <Spinner /> : <SparklesIcon className="size-4" />}
              {t("generate")}
            </Button>
          </div>
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
            <p className="hidden text-xs text-fg-muted sm:block">
              <kbd className="rounded border border-line bg-canvas px-1 font-sans text-[11px] text-fg-muted">
                {isMac ? "⌘" : "Ctrl"}
              </kbd>{" "}
              +{" "}
              <kbd className="rounded border border-line bg-canvas px-1 font-sans text-[11px] text-fg-muted">
                Enter
              </kbd>{" "}
              {t("shortcut")}
            </p>
            {props.canGenerate && (
              <CreditsBadge
                slug={props.slug}
                takes={takes}
                perVideo={estimateCredits(
                  modelChoice.model,
                  modelChoice.duration,
                  modelChoice.resolution,
                )}
                className="ml-auto"
              />
            )}
          </div>
        </div>
      </form>
    </section>
  );
}

/** A press the server took: its generation as first answered, and what was sent. */
interface Started {
  /** The first take; the gallery shows the rest beside it. */
  generation: GenerationDto;
  takes: number;
  prompt: string;
  optimizer: boolean;
  /** kie.ai refused it (no credits, a prompt it won't take). */
  refused: boolean;
}

/**
 * Follows a generation just sent (kie.ai is asked in the background) and says when kie.ai
 * refused it outright. Not when kie.ai gave no answer: that one may well be running.
 */
function RefusalWatch(props: { slug: string; generation: GenerationDto; onRefused: () => void }) {
  const { data } = useGeneration({
    slug: props.slug,
    id: props.generation.id,
    initial: props.generation,
    live: true,
  });
  const refused = data ? statusKind(data) === "error" : false;
  const { onRefused } = props;
  useEffect(() => {
    if (refused) onRefused();
  }, [refused, onRefused]);
  return null;
}

/** "Started — it's at the top of your videos", with View, for a while after each Generate. */
function StartedNote(props: { started: Started | null; onDone: () => void }) {
  const t = useTranslations("editor");
  const { onDone } = props;
  const generationId = props.started?.generation.id ?? null;
  const refused = props.started?.refused ?? false;
  const takes = props.started?.takes ?? 1;
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!generationId) return;
    let timer: ReturnType<typeof setTimeout>;
    // It waits while focus is on its View, rather than vanish from under the keyboard.
    const arm = () => {
      timer = setTimeout(() => {
        if (note.current?.contains(document.activeElement)) arm();
        else onDone();
      }, 10_000);
    };
    arm();
    return () => clearTimeout(timer);
  }, [generationId, onDone]);

  function view() {
    const card = document.querySelector<HTMLElement>(
      `article[data-id="${CSS.escape(generationId ?? "")}"]`,
    );
    card?.scrollIntoView({ behavior: "smooth", block: "center" });
    card?.querySelector<HTMLElement>("a[href]")?.focus({ preventScroll: true });
    onDone();
  }

  return (
    // Empty, it stays in the page as an unseen live region, so what appears in it is read out.
    <p
      ref={note}
      data-testid="started-note"
      aria-live="polite"
      className={cn("text-[13px] empty:sr-only", refused ? "text-danger" : "text-success")}
    >
      {generationId && (
        <span
          className={cn(
            "flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg px-3 py-2 ring-1 ring-inset",
            refused ? "bg-danger-soft ring-danger-line" : "bg-success-soft ring-success-line",
          )}
        >
          {refused ? (
            <CircleAlert aria-hidden="true" className="size-4 shrink-0" />
          ) : (
            <CheckIcon className="size-4 shrink-0" />
          )}
          <span className="min-w-0 flex-1">
            {refused ? t("refused") : takes > 1 ? t("startedTakes", { takes }) : t("started")}
          </span>
          <button
            type="button"
            onClick={view}
            className="font-medium underline underline-offset-2 hover:no-underline"
          >
            {t("viewStarted")}
          </button>
        </span>
      )}
    </p>
  );
}

type T = ReturnType<typeof useTranslations<"editor">>;

function describeFailure(
  error: Error,
  t: T,
  actionErrorText: ReturnType<typeof useActionErrorText>,
  /** The chosen model's prompt limit. */
  max: number,
): string {
  if (!(error instanceof ActionError)) return t("errors.network");
  switch (error.code) {
    case "invalid_input":
      if (error.fields?.prompt === "empty") return t("errors.promptEmpty");
      if (error.fields?.prompt === "too_long" || error.fields?.prompt === "prompt_too_long")
        return t("errors.promptTooLong", { max });
      if (error.fields?.prompt === "prompt_empty") return t("errors.promptEmpty");
      if (error.fields?.duration || error.fields?.resolution) return t("errors.choice");
      if (error.fields?.image === "not_found") return t("errors.imageGone");
      if (error.fields?.imageUrl === "image_required") return t("errors.imageRequired");
      return t("errors.invalid");
    case "unauthorized":
      return t("errors.unauthorized");
    case "forbidden":
      return t("errors.forbidden");
    case "rate_limited":
      return t("errors.rateLimited");
    case "unavailable":
      return t("errors.unavailable");
    case "internal":
      return t("errors.internal");
    default:
      // Budgets, and any code this screen has no words of its own for.
      return actionErrorText(error) ?? t("errors.internal");
  }
}

function isApplePlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}
