import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { InviteLookup } from "@/lib/invites/get-invite";

/** Why an invite link no longer works, and the way back to the studio. */
export async function DeadInvite(props: {
  status: Exclude<InviteLookup["status"], "valid" | "member">;
}) {
  const t = await getTranslations("invite");
  return (
    <div className="text-center">
      <h1 className="text-xl font-semibold tracking-tight text-balance text-fg">
        {t(`dead.${props.status}.title`)}
      </h1>
      <p className="mt-2 text-sm leading-6 text-pretty text-fg-muted">
        {t(`dead.${props.status}.body`)}
      </p>
      <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
        {t("home")}
      </Link>
    </div>
  );
}
