"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LogOutIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { signOutEverywhereAction } from "@/lib/actions/auth/sign-out-everywhere";

/** Ends this person's sessions on every device, then this one. */
export function SignOutEverywhereButton() {
  const t = useTranslations("auth.signOutEverywhere");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "confirm" | "pending" | "error">("idle");

  async function run() {
    setState("pending");
    try {
      const result = await signOutEverywhereAction();
      if (!result.ok) {
        setState("error");
        return;
      }
      // next-auth's client is imported on this press only (see components/auth/credentials.ts).
      const { signOut } = await import("next-auth/react");
      await signOut({ redirect: false });
      router.replace("/sign-in");
      router.refresh();
    } catch {
      setState("error");
    }
  }

  if (state === "confirm" || state === "pending") {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <p className="min-w-0 flex-1 text-[13px] text-fg-soft">{t("confirm")}</p>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setState("idle")}
          disabled={state === "pending"}
        >
          {t("cancel")}
        </Button>
        <Button
          variant="danger"
          size="sm"
          onClick={() => void run()}
          disabled={state === "pending"}
        >
          {state === "pending" && <Spinner />}
          {t("button")}
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <Button variant="secondary" onClick={() => setState("confirm")}>
        <LogOutIcon className="size-4" />
        {t("button")}
      </Button>
      {state === "error" && <Alert>{t("failed")}</Alert>}
    </div>
  );
}
