"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { acceptInviteAction } from "@/lib/actions/invites/accept-invite";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";

export function AcceptInviteButton(props: { token: string }) {
  const t = useTranslations("invite");
  const router = useRouter();
  const accept = useActionMutation(acceptInviteAction, {
    onSuccess: ({ slug }) => {
      router.replace(`/w/${encodeURIComponent(slug)}`);
      router.refresh();
    },
  });
  const busy = accept.isPending || accept.isSuccess;
  return (
    <div className="space-y-3">
      <Button
        size="lg"
        className="w-full"
        disabled={busy}
        onClick={() => accept.mutate({ token: props.token })}
      >
        {busy && <Spinner />}
        {t("join")}
      </Button>
      {accept.error && (
        <Alert className="text-left">
          {accept.error instanceof ActionError
            ? // Refused to someone an admin removed after the link was made (see removedAfterInvite).
              accept.error.code === "forbidden"
              ? t("dead.removed.body")
              : t("joinFailed")
            : t("network")}
        </Alert>
      )}
    </div>
  );
}
