"use client";
import { ImagePlus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { type DragEvent, type Ref, useId, useImperativeHandle, useRef, useState } from "react";
import { type UploadRefusal, uploadSourceImage } from "@/components/studio/upload-source-image";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { IMAGE_TYPES, imageShape } from "@/lib/images/image-rules";
import type { SourceImageDto } from "@/lib/images/source-image-dto";

/**
 * "Start image" or "End image": drop a file on it, pick one, or paste one into the editor. The
 * image is checked here first, and each refusal says which rule and the image's own figure.
 */
export function ImageSlot(props: {
  slug: string;
  label: string;
  hint: string;
  value: SourceImageDto | null;
  onChange: (image: SourceImageDto | null) => void;
  /** Says what shape of video the image makes (a start image does). */
  sayShape?: boolean;
  disabled?: boolean;
  /** For the editor to hand it a pasted image. */
  ref?: Ref<{ take: (file: File) => void }>;
}) {
  const t = useTranslations("editor.images");
  const inputId = useId();
  const labelId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<UploadRefusal | null>(null);
  const [over, setOver] = useState(false);

  async function take(file: File | undefined) {
    if (!file || props.disabled) return;
    setBusy(true);
    setRefusal(null);
    const result = await uploadSourceImage(props.slug, file);
    setBusy(false);
    if (result.ok) props.onChange(result.image);
    else setRefusal(result.refusal);
  }

  useImperativeHandle(props.ref, () => ({ take: (file: File) => void take(file) }));

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  }

  const image = props.value;
  return (
    <div className="min-w-0 flex-1">
      <div className="mb-1.5 flex items-baseline justify-between gap-2">
        <span id={labelId} className="text-[13px] font-medium text-fg-soft">
          {props.label}
        </span>
        {image && (
          <button
            type="button"
            onClick={() => props.onChange(null)}
            disabled={props.disabled}
            aria-label={t("remove", { label: props.label })}
            className="inline-flex items-center gap-1 text-xs text-fg-muted hover:text-fg"
          >
            <X aria-hidden="true" className="size-3.5" />
            {t("removeShort")}
          </button>
        )}
      </div>
      <div
        data-testid={`image-slot-${props.label}`}
        className={cn(
          "relative flex aspect-video items-center justify-center overflow-hidden rounded-xl bg-canvas/60 ring-1 ring-inset transition-colors",
          over
            ? "ring-2 ring-accent-500"
            : image
              ? "ring-line"
              : "border border-dashed border-line-strong ring-transparent",
          image && "bg-black",
        )}
      >
        {image && (
          // biome-ignore lint/performance/noImgElement: the member route serves the stored image as it is
          <img src={image.url} alt="" className="absolute inset-0 size-full object-contain" />
        )}
        {/* The whole zone takes a click, a drop, or the keyboard through its file input. */}
        <label
          htmlFor={inputId}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          className={cn(
            "relative flex size-full cursor-pointer flex-col items-center justify-center gap-1 p-3 text-center text-xs text-fg-muted",
            "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
            image &&
              "opacity-0 hover:bg-black/50 hover:text-white hover:opacity-100 has-[:focus-visible]:opacity-100",
            props.disabled && "cursor-not-allowed",
          )}
        >
          {busy ? <Spinner /> : <ImagePlus aria-hidden="true" className="size-5" />}
          <span className="font-medium">
            {busy ? t("uploading") : image ? t("replace") : t("add")}
          </span>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={IMAGE_TYPES.join(",")}
            className="sr-only"
            disabled={props.disabled || busy}
            // Named by the slot ("Start image"), whatever the drop zone says.
            aria-labelledby={labelId}
            aria-describedby={hintId}
            onChange={(event) => {
              void take(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
        </label>
      </div>
      <p id={hintId} aria-live="polite" className="mt-1.5 text-xs leading-5 text-fg-muted">
        {refusal ? (
          <span className="text-danger">{refusalText(refusal, t)}</span>
        ) : image && props.sayShape ? (
          t(`shape.${imageShape(image.width, image.height)}`, {
            width: image.width,
            height: image.height,
          })
        ) : (
          props.hint
        )}
      </p>
    </div>
  );
}

type T = ReturnType<typeof useTranslations<"editor.images">>;

function refusalText(refusal: UploadRefusal, t: T): string {
  switch (refusal.rule) {
    case "type":
      return t("refused.type", { type: refusal.type || "?" });
    case "bytes":
      // Rounded up, so an image just over the limit never reads as "10.00 MB".
      return t("refused.bytes", {
        mb: (Math.ceil((refusal.bytes / 1024 / 1024) * 100) / 100).toFixed(2),
      });
    case "short_side":
      return t("refused.shortSide", { px: refusal.shortSide });
    case "ratio":
      return t("refused.ratio", { width: refusal.width, height: refusal.height });
    case "unreadable":
      return t("refused.unreadable");
    case "failed":
      return refusal.message ?? t("refused.failed");
  }
}
