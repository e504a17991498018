import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { actionLabel, describeDetails } from "@/components/audit/describe-details";
import { shortAgent } from "@/components/audit/short-agent";
import { buttonClasses } from "@/components/ui/button";
import { LocalDateTime } from "@/components/ui/local-time";
import { generationOf } from "@/lib/audit/generation-of";
import type { AuditEntry } from "@/lib/audit/list-audit-log";
import { normalizeAddress } from "@/lib/http/client-address";
import { isRole } from "@/lib/workspaces/roles";

/** The audit log, newest first: who did what, when, and from where. */
export async function AuditLogList(props: {
  slug: string;
  entries: AuditEntry[];
  /** Videos still there to open; an entry about a deleted one has no link. */
  openable: string[];
  newestHref: string | null;
  olderHref: string | null;
}) {
  const [t, roles, format] = await Promise.all([
    getTranslations("audit"),
    getTranslations("workspaces.roles"),
    getFormatter(),
  ]);
  const context = {
    t,
    role: (role: string) => (isRole(role) ? roles(role) : role),
    number: (n: number) => format.number(n),
    date: (d: Date) => format.dateTime(d, { dateStyle: "medium" }),
  };
  if (props.entries.length === 0 && !props.newestHref) {
    return (
      <p className="rounded-2xl bg-surface px-5 py-10 text-center text-sm text-fg-muted shadow-sm ring-1 ring-line/80">
        {t("empty")}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <ol
        data-testid="audit-log"
        className="divide-y divide-line-soft rounded-2xl bg-surface shadow-sm ring-1 ring-line/80"
      >
        <li className="hidden grid-cols-[128px_minmax(0,1fr)_minmax(0,1.3fr)_112px] gap-4 px-5 py-2.5 text-[11px] font-medium tracking-wide text-fg-muted uppercase md:grid">
          <span>{t("when")}</span>
          <span>{t("who")}</span>
          <span>{t("what")}</span>
          <span>{t("where")}</span>
        </li>
        {props.entries.map((e) => {
          const what = actionLabel(e.action, t);
          const detail = describeDetails(e, context);
          const mentioned = generationOf(e);
          const generationId = mentioned && props.openable.includes(mentioned) ? mentioned : null;
          // Older entries kept the socket's spelling ("::ffff:1.2.3.4"); shown as people write it.
          const address = e.ip ? (normalizeAddress(e.ip) ?? e.ip) : null;
          return (
            <li
              key={e.id}
              data-action={e.action}
              className="grid gap-1 px-4 py-3 text-sm sm:px-5 md:grid-cols-[128px_minmax(0,1fr)_minmax(0,1.3fr)_112px] md:gap-4"
            >
              <span className="text-xs text-fg-muted tabular-nums md:text-[13px] md:text-fg-muted">
                <LocalDateTime iso={e.createdAt} />
              </span>
              <span className="min-w-0 truncate text-fg" title={e.actorEmail ?? undefined}>
                {e.actorEmail ?? t("system")}
              </span>
              <span className="min-w-0">
                <span className="font-medium text-fg">{what}</span>
                {detail && (
                  <span className="line-clamp-2 text-xs break-words text-fg-muted" title={detail}>
                    {detail}
                  </span>
                )}
                {generationId && (
                  <Link
                    href={`/w/${encodeURIComponent(props.slug)}/g/${encodeURIComponent(generationId)}`}
                    className="text-xs font-medium text-accent-700 hover:underline"
                  >
                    {t("open")}
                  </Link>
                )}
              </span>
              <span className="min-w-0 text-xs text-fg-muted">
                <span className="block truncate tabular-nums" title={address ?? undefined}>
                  {address ?? "—"}
                </span>
                {e.userAgent && (
                  <span className="block truncate" title={e.userAgent}>
                    {shortAgent(e.userAgent)}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <nav className="flex justify-between gap-3" aria-label={t("pages")}>
        {props.newestHref ? (
          <Link href={props.newestHref} className={buttonClasses({ variant: "secondary" })}>
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {props.olderHref && (
          <Link href={props.olderHref} className={buttonClasses({ variant: "secondary" })}>
            {t("older")}
          </Link>
        )}
      </nav>
    </div>
  );
}
