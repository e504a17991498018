import type { ReactNode } from "react";
import { LiveUpdates } from "@/components/studio/live-updates";
import { NoticePrefsProvider } from "@/components/studio/notice-prefs";
import { StudioHeader } from "@/components/studio/studio-header";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { getNoticePrefs } from "@/lib/users/notice-prefs";

export default async function StudioLayout(props: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await props.params;
  const { user, workspace } = await workspaceAccessOrNotFound(slug);
  const noticePrefs = await getNoticePrefs(user.id);
  return (
    <NoticePrefsProvider initial={noticePrefs}>
      <div className="flex min-h-dvh flex-col">
        <StudioHeader workspace={workspace} email={user.email} />
        {/* One event stream per open workspace, shared by the gallery and the detail view. */}
        <LiveUpdates slug={workspace.slug}>
          <main id="main" tabIndex={-1} className="flex flex-1 flex-col outline-none">
            {props.children}
          </main>
        </LiveUpdates>
      </div>
    </NoticePrefsProvider>
  );
}
