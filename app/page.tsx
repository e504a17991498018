import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/brand/logo";
import { SignOutButton } from "@/components/studio/sign-out-button";
import { currentUser } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

// The front door: straight into the person's first workspace, or to sign in.
export default async function HomePage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const [first] = await listWorkspaces(user.id);
  if (first) redirect(`/w/${encodeURIComponent(first.slug)}`);

  // Every account starts with a personal workspace, but memberships can be removed; sending
  // this person to /sign-in would bounce them straight back here.
  const t = await getTranslations("home");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <LogoMark className="size-10" />
      <h1 className="mt-6 text-xl font-semibold tracking-tight text-fg">{t("noWorkspaceTitle")}</h1>
      <p className="mt-2 max-w-sm text-sm text-fg-muted">
        {t("noWorkspaceBody", { email: user.email })}
      </p>
      <div className="mt-6">
        <SignOutButton />
      </div>
    </main>
  );
}
