"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The settings pages this person may open, the current one marked. */
export function SettingsTabs(props: { tabs: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  // Exact, so General is not marked on a page whose own tab this person is not shown (an
  // admin-only page a member opened by its address).
  const active = props.tabs.find((t) => pathname === t.href)?.href;
  return (
    <nav aria-label={props.label} className="-mb-px flex gap-1 overflow-x-auto">
      {props.tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === active ? "page" : undefined}
          className={cn(
            "shrink-0 border-b-2 px-2 py-2.5 sm:px-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-accent-500",
            tab.href === active
              ? "border-fg text-fg"
              : "border-transparent text-fg-muted hover:border-line-strong hover:text-fg",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
