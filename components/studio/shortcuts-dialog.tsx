"use client";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/** The list of the studio's keyboard shortcuts ("?"). */
export function ShortcutsDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("shortcuts");
  const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
  const rows: [string[], string][] = [
    [["/"], t("search")],
    [[mac ? "⌘" : "Ctrl", "Enter"], t("generate")],
    [["↑"], t("recent")],
    [["←", "→"], t("viewerMove")],
    [["J", "K"], t("viewerMove")],
    [["Space"], t("viewerPlay")],
    [["Esc"], t("viewerClose")],
    [["?"], t("help")],
  ];
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent closeLabel={t("close")} aria-describedby={undefined}>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
        </DialogHeader>
        <dl className="divide-y divide-line-soft px-5 pb-5">
          {rows.map(([keys, what]) => (
            <div key={keys.join("+")} className="flex items-center justify-between gap-4 py-2">
              <dt className="text-[13px] text-fg-soft">{what}</dt>
              <dd className="flex shrink-0 gap-1">
                {keys.map((k) => (
                  <kbd
                    key={k}
                    className="min-w-6 rounded border border-line bg-canvas px-1.5 py-0.5 text-center font-mono text-[11px] text-fg-muted"
                  >
                    {k}
                  </kbd>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
