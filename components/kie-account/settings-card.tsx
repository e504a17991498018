import type { ReactNode } from "react";

/** A titled white card on a settings page. */
export function SettingsCard(props: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="rounded-2xl bg-surface shadow-sm ring-1 ring-line/80">
      <div className="border-b border-line-soft px-4 py-4 sm:px-5">
        <h2 className="text-[15px] font-semibold tracking-tight text-fg">{props.title}</h2>
        {props.description && (
          <p className="mt-1 text-[13px] leading-5 text-fg-muted">{props.description}</p>
        )}
      </div>
      {props.children}
    </section>
  );
}
