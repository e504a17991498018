"use client";
import { useTranslations } from "next-intl";
import { type Ref, useImperativeHandle, useRef } from "react";
import { ImageSlot } from "@/components/studio/image-slot";
import type { SourceImageDto } from "@/lib/images/source-image-dto";

export interface EditorImages {
  start: SourceImageDto | null;
  end: SourceImageDto | null;
}

/**
 * The Start image slot, and the End image slot where the model takes one. Loaded with the first
 * model that starts from an image: a page on a text model carries none of it.
 */
export function ImageSlots(props: {
  slug: string;
  endImage: boolean;
  value: EditorImages;
  onChange: (change: Partial<EditorImages>) => void;
  disabled?: boolean;
  /** An image pasted into the prompt box: the start image first, then the end image. */
  ref?: Ref<{ paste: (file: File) => void }>;
}) {
  const t = useTranslations("editor.images");
  const start = useRef<{ take: (file: File) => void }>(null);
  const end = useRef<{ take: (file: File) => void }>(null);
  const { value, endImage } = props;
  useImperativeHandle(props.ref, () => ({
    paste: (file: File) => {
      const slot = value.start && endImage && !value.end ? end : start;
      slot.current?.take(file);
    },
  }));
  return (
    <div className="mt-3 flex flex-col gap-3 sm:flex-row">
      <ImageSlot
        ref={start}
        slug={props.slug}
        label={t("start")}
        hint={t("startHint")}
        value={value.start}
        onChange={(image) => props.onChange({ start: image })}
        sayShape
        disabled={props.disabled}
      />
      {endImage && (
        <ImageSlot
          ref={end}
          slug={props.slug}
          label={t("end")}
          hint={t("endHint")}
          value={value.end}
          onChange={(image) => props.onChange({ end: image })}
          disabled={props.disabled}
        />
      )}
    </div>
  );
}
