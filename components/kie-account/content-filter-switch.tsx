"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Switch } from "@/components/ui/switch";
import { setContentFilterAction } from "@/lib/actions/kie-account/set-content-filter";

/**
 * "kie.ai content filter", for admins. The switch moves at once; a change the server refuses
 * moves it back and says so.
 */
export function ContentFilterSwitch(props: { slug: string; initial: boolean }) {
  const t = useTranslations("kieAccount.contentFilter");
  const [on, setOn] = useState(props.initial);
  const [note, setNote] = useState<"saved" | "failed" | null>(null);
  const [saving, setSaving] = useState(false);

  async function change(next: boolean) {
    setOn(next);
    setNote(null);
    setSaving(true);
    const result = await setContentFilterAction({ workspaceSlug: props.slug, on: next }).catch(
      () => null,
    );
    setSaving(false);
    if (result?.ok) {
      setOn(result.data.on);
      setNote("saved");
    } else {
      setOn(!next);
      setNote("failed");
    }
  }

  return (
    <div className="flex items-start justify-between gap-4 px-4 py-4 sm:px-5">
      <div className="min-w-0">
        <label htmlFor="content-filter" className="text-[13px] font-medium text-fg">
          {t("label")}
        </label>
        <p id="content-filter-hint" className="mt-0.5 text-xs leading-5 text-fg-muted">
          {t("hint")}
        </p>
        <p
          aria-live="polite"
          className={note === "failed" ? "mt-1 text-xs text-danger" : "mt-1 text-xs text-success"}
        >
          {note && t(note)}
        </p>
      </div>
      <Switch
        id="content-filter"
        checked={on}
        onCheckedChange={(next) => void change(next)}
        describedBy="content-filter-hint"
        disabled={saving}
      />
    </div>
  );
}
