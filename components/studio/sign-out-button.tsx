"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { signOutHere } from "@/components/auth/credentials";
import { Button } from "@/components/ui/button";
import { LogOutIcon } from "@/components/ui/icons";

export function SignOutButton() {
  const t = useTranslations("header");
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function onClick() {
    setPending(true);
    await signOutHere();
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <Button variant="ghost" size="sm" disabled={pending} onClick={() => void onClick()}>
      <LogOutIcon className="size-4" />
      <span className="sr-only sm:not-sr-only">{t("signOut")}</span>
    </Button>
  );
}
