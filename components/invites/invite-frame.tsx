import type { ReactNode } from "react";
import { AccentFrame } from "@/components/brand/accent-frame";

/** The invite landing page's frame: the studio's own frame around one card. */
export function InviteFrame(props: { children: ReactNode }) {
  return (
    <AccentFrame>
      <div className="w-full max-w-[420px] rounded-2xl bg-surface p-6 shadow-sm ring-1 ring-line/80 sm:p-8">
        {props.children}
      </div>
    </AccentFrame>
  );
}
