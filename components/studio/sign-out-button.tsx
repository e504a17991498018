"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LogOutIcon } from "@/components/ui/icons";

export function SignOutButton() {
  const t = useTranslations("header");
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      <LogOutIcon className="size-4" />
      <span className="sr-only sm:not-sr-only">{t("signOut")}</span>
    </Button>
  );
}
