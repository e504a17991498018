import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignOutEverywhereButton } from "@/components/auth/sign-out-everywhere-button";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { DeleteWorkspaceForm } from "@/components/workspaces/delete-workspace-form";
import { RenameWorkspaceForm } from "@/components/workspaces/rename-workspace-form";
import { SettingsSection } from "@/components/workspaces/settings-section";
import { TransferOwnershipForm } from "@/components/workspaces/transfer-ownership-form";
import { listMembers } from "@/lib/workspaces/list-members";
import { can } from "@/lib/workspaces/permissions";

type Params = Promise<{ slug: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspaces.general");
  return { title: t("title") };
}

export default async function GeneralSettingsPage(props: { params: Params }) {
  const { slug } = await props.params;
  const { user, workspace, role } = await workspaceAccessOrNotFound(slug);
  const t = await getTranslations("workspaces.general");
  const owner = can(role, "workspace.delete");
  const candidates =
    owner && !workspace.personal
      ? (await listMembers(workspace.id))
          .filter((m) => m.userId !== user.id && m.role !== "owner")
          .map((m) => ({ userId: m.userId, email: m.email }))
      : [];

  return (
    <div className="mx-auto w-full max-w-3xl flex-1 space-y-6 px-4 py-5 sm:px-6 sm:py-8">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-fg">{t("title")}</h1>
        <p className="mt-1 text-sm leading-6 text-fg-muted">
          {workspace.personal ? t("introPersonal") : t("intro")}
        </p>
      </div>
      <SettingsSection title={t("nameTitle")}>
        <RenameWorkspaceForm
          slug={workspace.slug}
          name={workspace.name}
          canRename={can(role, "workspace.rename")}
        />
      </SettingsSection>
      <SettingsSection
        title={t("accountTitle")}
        description={t("accountIntro", { email: user.email })}
      >
        <SignOutEverywhereButton />
      </SettingsSection>
      {owner && !workspace.personal && (
        <>
          <SettingsSection title={t("transferTitle")} description={t("transferIntro")} danger>
            <TransferOwnershipForm slug={workspace.slug} candidates={candidates} />
          </SettingsSection>
          <SettingsSection title={t("deleteTitle")} description={t("deleteIntro")} danger>
            <DeleteWorkspaceForm slug={workspace.slug} name={workspace.name} />
          </SettingsSection>
        </>
      )}
      {owner && workspace.personal && (
        <p className="text-[13px] text-fg-muted">{t("personalNote")}</p>
      )}
    </div>
  );
}
