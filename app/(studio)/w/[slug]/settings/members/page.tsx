import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { InviteForm } from "@/components/workspaces/invite-form";
import { InvitesList } from "@/components/workspaces/invites-list";
import { type MemberRow, MembersList } from "@/components/workspaces/members-list";
import { SettingsSection } from "@/components/workspaces/settings-section";
import { listInvites } from "@/lib/invites/list-invites";
import { listMembers } from "@/lib/workspaces/list-members";
import { removalRefusal, roleChangeRefusal } from "@/lib/workspaces/member-rules";
import { can } from "@/lib/workspaces/permissions";
import { ROLES } from "@/lib/workspaces/roles";

type Params = Promise<{ slug: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspaces.members");
  return { title: t("title") };
}

export default async function MembersPage(props: { params: Params }) {
  const { slug } = await props.params;
  const { user, workspace, role } = await workspaceAccessOrNotFound(slug);
  const t = await getTranslations("workspaces");
  const members = await listMembers(workspace.id);
  const ownerCount = members.filter((m) => m.role === "owner").length;
  // The controls offered are what the server's rules would allow; the actions check again.
  const rows: MemberRow[] = members.map((m) => {
    const self = m.userId === user.id;
    return {
      ...m,
      self,
      roleOptions: ROLES.filter(
        (r) =>
          r === m.role ||
          !roleChangeRefusal({ actorRole: role, targetRole: m.role, newRole: r, ownerCount }),
      ),
      canRemove:
        !self && !removalRefusal({ actorRole: role, targetRole: m.role, ownerCount, self: false }),
      canLeave:
        self && !removalRefusal({ actorRole: role, targetRole: m.role, ownerCount, self: true }),
    };
  });
  const canInvite = can(role, "members.invite");
  const invites = canInvite ? await listInvites(workspace.id) : [];

  return (
    <div className="mx-auto w-full max-w-3xl flex-1 space-y-6 px-4 py-5 sm:px-6 sm:py-8">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-fg">{t("members.title")}</h1>
        <p className="mt-1 text-sm leading-6 text-fg-muted">{t("members.intro")}</p>
      </div>
      {canInvite && (
        <SettingsSection title={t("invites.title")} description={t("invites.intro")}>
          <InviteForm slug={workspace.slug} />
        </SettingsSection>
      )}
      <section className="rounded-2xl bg-surface shadow-sm ring-1 ring-line/80">
        <h2 className="border-b border-line-soft px-4 py-4 text-[15px] font-semibold tracking-tight text-fg sm:px-5">
          {t("members.count", { count: members.length })}
        </h2>
        <MembersList slug={workspace.slug} members={rows} />
      </section>
      {canInvite && (
        <section className="rounded-2xl bg-surface shadow-sm ring-1 ring-line/80">
          <h2 className="border-b border-line-soft px-4 py-4 text-[15px] font-semibold tracking-tight text-fg sm:px-5">
            {t("invites.listTitle")}
          </h2>
          <InvitesList slug={workspace.slug} invites={invites} />
        </section>
      )}
      <div className="rounded-xl bg-canvas px-4 py-3 text-[13px] leading-5 text-fg-muted ring-1 ring-line ring-inset">
        <p className="font-medium text-fg">{t("members.rolesTitle")}</p>
        <ul className="mt-1 space-y-0.5">
          {ROLES.map((r) => (
            <li key={r}>
              <span className="font-medium text-fg-soft">{t(`roles.${r}`)}</span> —{" "}
              {t(`roleHelp.${r}`)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
