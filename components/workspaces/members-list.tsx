"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Spinner } from "@/components/ui/spinner";
import { RoleSelect } from "@/components/workspaces/role-select";
import { changeMemberRoleAction } from "@/lib/actions/workspaces/change-member-role";
import { leaveWorkspaceAction } from "@/lib/actions/workspaces/leave-workspace";
import { removeMemberAction } from "@/lib/actions/workspaces/remove-member";
import { useActionMutation } from "@/lib/queries/use-action-mutation";

type Role = "owner" | "admin" | "member" | "viewer";

export interface MemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  self: boolean;
  /** Roles the viewer of this page may give this person (by the server's rules); empty = none. */
  roleOptions: Role[];
  canRemove: boolean;
  /** Only on the viewer's own row. */
  canLeave: boolean;
}

function MemberItem(props: { slug: string; member: MemberRow }) {
  const t = useTranslations("workspaces.members");
  const tr = useTranslations("workspaces.roles");
  const router = useRouter();
  const errorText = useActionErrorText();
  const m = props.member;
  const onSuccess = () => router.refresh();
  const change = useActionMutation(changeMemberRoleAction, { onSuccess });
  const remove = useActionMutation(removeMemberAction, { onSuccess });
  const leave = useActionMutation(leaveWorkspaceAction, {
    onSuccess: () => {
      router.replace("/");
      router.refresh();
    },
  });
  const error = change.error ?? remove.error ?? leave.error;
  const pending = change.isPending || remove.isPending || leave.isPending;
  const canChange = m.roleOptions.length > 1;
  const removable = m.self ? m.canLeave : m.canRemove;

  return (
    <li className="px-4 py-3 sm:px-5" data-testid="member-row">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span
          aria-hidden="true"
          className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent-100 text-xs font-semibold text-accent-700 uppercase"
        >
          {(m.name || m.email).slice(0, 1)}
        </span>
        <div className="min-w-[12rem] flex-1">
          <p className="truncate text-sm font-medium text-fg">
            {m.name || m.email}
            {m.self && (
              <Badge tone="accent" className="ml-2 align-middle">
                {t("you")}
              </Badge>
            )}
          </p>
          {m.name && <p className="truncate text-xs text-fg-muted">{m.email}</p>}
        </div>
        <div className="ml-11 flex items-center gap-2 sm:ml-0">
          {canChange ? (
            <RoleSelect
              aria-label={t("roleOf", { email: m.email })}
              value={m.role}
              disabled={pending}
              onChange={(role) =>
                change.mutate({ workspaceSlug: props.slug, userId: m.userId, role })
              }
              options={m.roleOptions.map((r) => ({ value: r, label: tr(r) }))}
            />
          ) : (
            <Badge tone={m.role === "owner" ? "accent" : "neutral"}>{tr(m.role)}</Badge>
          )}
          {removable && (
            <ConfirmButton
              ghost
              label={m.self ? t("leave") : t("remove")}
              question={m.self ? t("leaveConfirm") : t("removeConfirm", { email: m.email })}
              confirmLabel={m.self ? t("leave") : t("remove")}
              pending={pending}
              onConfirm={() =>
                m.self
                  ? leave.mutateAsync({ workspaceSlug: props.slug })
                  : remove.mutateAsync({ workspaceSlug: props.slug, userId: m.userId })
              }
            />
          )}
          {pending && <Spinner />}
        </div>
      </div>
      {error && <Alert className="mt-3">{errorText(error, t("lastOwner"))}</Alert>}
    </li>
  );
}

export function MembersList(props: { slug: string; members: MemberRow[] }) {
  return (
    <ul className="divide-y divide-line-soft">
      {props.members.map((m) => (
        <MemberItem key={m.userId} slug={props.slug} member={m} />
      ))}
    </ul>
  );
}
