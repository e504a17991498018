"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { loadPromptDraft } from "@/components/studio/use-prompt-draft";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SparklesIcon } from "@/components/ui/icons";

/**
 * Remix: "Use this prompt" puts a generation's prompt and optimizer setting into the editor —
 * the one on this page, or the gallery's after navigating there.
 */
export function UsePromptButton(props: {
  slug: string;
  prompt: string;
  promptOptimizer: boolean;
  /** "small": a labelled button in a card, where kie.ai refused the prompt as written. */
  variant?: "button" | "icon" | "small";
}) {
  const t = useTranslations("remix");
  const router = useRouter();

  function use() {
    loadPromptDraft(props.slug, { prompt: props.prompt, optimizer: props.promptOptimizer });
    const editor = document.getElementById("prompt");
    if (editor instanceof HTMLTextAreaElement) {
      editor.scrollIntoView({ behavior: "smooth", block: "center" });
      editor.focus({ preventScroll: true });
    } else {
      // The editor takes focus when it opens at #prompt.
      router.push(`/w/${encodeURIComponent(props.slug)}#prompt`);
    }
  }

  if (props.variant === "icon") {
    return (
      <button
        type="button"
        data-testid="use-prompt-button"
        aria-label={t("usePrompt")}
        title={t("usePrompt")}
        onClick={use}
        className={cn(
          "relative z-10 inline-flex size-8 items-center justify-center rounded-md text-fg-muted transition-colors",
          "hover:bg-muted hover:text-fg-soft focus-visible:outline-2 focus-visible:outline-accent-500",
        )}
      >
        <SparklesIcon className="size-4" />
      </button>
    );
  }
  return (
    <Button
      variant="secondary"
      size={props.variant === "small" ? "sm" : "md"}
      data-testid="use-prompt-button"
      onClick={use}
    >
      <SparklesIcon className="size-4" />
      {t("usePrompt")}
    </Button>
  );
}
