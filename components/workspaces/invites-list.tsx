"use client";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useTransition } from "react";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { revokeInviteAction } from "@/lib/actions/invites/revoke-invite";
import { inviteRole } from "@/lib/invites/invite-roles";
import type { InviteDto, InviteStatus } from "@/lib/invites/list-invites";
import { useActionMutation } from "@/lib/queries/use-action-mutation";

function InviteItem(props: { slug: string; invite: InviteDto }) {
  const t = useTranslations("workspaces.invites");
  const tr = useTranslations("workspaces.roles");
  const format = useFormatter();
  const router = useRouter();
  const errorText = useActionErrorText();
  // The row stays until the refreshed list arrives, busy rather than offering Revoke again.
  const [refreshing, startRefresh] = useTransition();
  const revoke = useActionMutation(revokeInviteAction, {
    onSuccess: () => startRefresh(() => router.refresh()),
  });
  const i = props.invite;
  const role = inviteRole(i.role);
  return (
    <li className="px-4 py-3 sm:px-5" data-testid="invite-row">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <Badge>{tr(role)}</Badge>
        {i.singleUse && <Badge tone="amber">{t("singleUseBadge")}</Badge>}
        <p className="min-w-0 flex-1 text-[13px] text-fg-muted">
          {/* A single-use link someone used is closed: its date no longer matters. */}
          {i.status === "used" && !i.open
            ? t("closed")
            : t(i.status === "expired" ? "expired" : "expires", {
                when: format.dateTime(new Date(i.expiresAt), {
                  dateStyle: "medium",
                  timeStyle: "short",
                }),
              })}
          {i.createdBy && (
            <span className="text-fg-muted"> · {t("by", { email: i.createdBy })}</span>
          )}
          {i.uses > 0 && <span className="text-fg-muted"> · {t("uses", { count: i.uses })}</span>}
        </p>
        {i.open && (
          <ConfirmButton
            label={t("revoke")}
            confirmLabel={t("revokeConfirm")}
            pending={refreshing}
            onConfirm={() => revoke.mutateAsync({ workspaceSlug: props.slug, inviteId: i.id })}
          />
        )}
      </div>
      {revoke.error && <Alert className="mt-2">{errorText(revoke.error)}</Alert>}
    </li>
  );
}

const GROUPS: InviteStatus[] = ["pending", "used", "expired"];

/** Invites by what became of them: waiting for someone, used, or expired. */
export function InvitesList(props: { slug: string; invites: InviteDto[] }) {
  const t = useTranslations("workspaces.invites");
  if (props.invites.length === 0) {
    return <p className="px-4 py-4 text-[13px] text-fg-muted sm:px-5">{t("none")}</p>;
  }
  return (
    <div className="divide-y divide-line-soft">
      {GROUPS.map((status) => {
        const invites = props.invites.filter((i) => i.status === status);
        if (invites.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`invites-${status}`}>
            <h3
              id={`invites-${status}`}
              className="px-4 pt-3 text-xs font-medium text-fg-muted sm:px-5"
            >
              {t(`groups.${status}`, { count: invites.length })}
            </h3>
            <ul className="divide-y divide-line-soft" data-testid={`invites-${status}`}>
              {invites.map((i) => (
                <InviteItem key={i.id} slug={props.slug} invite={i} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
