import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

// The front door: straight into the person's first workspace, or to sign in.
export default async function HomePage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const [first] = await listWorkspaces(user.id);
  // Every account is created with a personal workspace; without one there is nowhere to go.
  if (!first) redirect("/sign-in");
  redirect(`/w/${encodeURIComponent(first.slug)}`);
}
