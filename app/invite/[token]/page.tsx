import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AcceptInviteButton } from "@/components/auth/accept-invite-button";
import { DeadInvite } from "@/components/invites/dead-invite";
import { InviteFrame } from "@/components/invites/invite-frame";
import { buttonClasses } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { getInvite } from "@/lib/invites/get-invite";
import { inviteRole } from "@/lib/invites/invite-roles";
import { hasRole, isRole } from "@/lib/workspaces/roles";

type Params = Promise<{ token: string }>;

// The token is a secret: keep the page out of search engines and out of Referer headers.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function InvitePage(props: { params: Params }) {
  const { token } = await props.params;
  const user = await currentUser();
  const [invite, t, tr] = await Promise.all([
    getInvite(token, user?.id),
    getTranslations("invite"),
    getTranslations("workspaces.roles"),
  ]);
  if (invite.status === "not_found") notFound();

  // Already in the workspace, with this role or a higher one: joining would change nothing.
  if (
    invite.status === "member" ||
    (invite.status === "valid" &&
      invite.visitorRole !== null &&
      hasRole(invite.visitorRole, inviteRole(invite.role)))
  ) {
    const role = invite.visitorRole && isRole(invite.visitorRole) ? invite.visitorRole : null;
    return (
      <InviteFrame>
        <div className="text-center">
          <WorkspaceHeading lead={t("alreadyMember")} name={invite.workspace.name} />
          {role && (
            <p className="mt-2 text-sm text-fg-muted">{t("yourRole", { role: tr(role) })}</p>
          )}
          <Link
            href={`/w/${encodeURIComponent(invite.workspace.slug)}`}
            className={buttonClasses({ size: "lg", className: "mt-6 w-full" })}
          >
            {t("openWorkspace")}
          </Link>
          {user && (
            <p className="mt-3 text-xs text-fg-muted">{t("signedInAs", { email: user.email })}</p>
          )}
        </div>
      </InviteFrame>
    );
  }

  if (invite.status !== "valid") {
    return (
      <InviteFrame>
        <DeadInvite status={invite.status} />
      </InviteFrame>
    );
  }

  const role = inviteRole(invite.role);
  const back = `/invite/${encodeURIComponent(token)}`;
  return (
    <InviteFrame>
      <div className="text-center">
        <WorkspaceHeading lead={t("invited")} name={invite.workspace.name} />
        <p className="mt-2 text-sm text-fg-muted">
          {t("asRole", { role: tr(role) })} — {t(`roleHelp.${role}`)}
        </p>
        <div className="mt-6">
          {user ? (
            <>
              <AcceptInviteButton token={token} />
              <p className="mt-3 text-xs text-fg-muted">{t("signedInAs", { email: user.email })}</p>
            </>
          ) : (
            <div className="flex flex-col gap-2.5">
              <Link
                href={`/sign-up?callbackUrl=${encodeURIComponent(back)}`}
                className={buttonClasses({ size: "lg", className: "w-full" })}
              >
                {t("signUpToJoin")}
              </Link>
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}
                className={buttonClasses({ size: "lg", variant: "secondary", className: "w-full" })}
              >
                {t("signInToJoin")}
              </Link>
            </div>
          )}
        </div>
      </div>
    </InviteFrame>
  );
}

/** "You're invited to join" (or "already a member of") above the workspace's name. */
function WorkspaceHeading(props: { lead: string; name: string }) {
  return (
    <>
      <p className="text-[13px] font-medium text-fg-muted">{props.lead}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-fg">
        {props.name}
      </h1>
    </>
  );
}
