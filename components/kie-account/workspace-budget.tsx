"use client";
import { useTranslations } from "next-intl";
import { BudgetForm } from "@/components/kie-account/budget-form";
import { setMemberBudgetAction } from "@/lib/actions/kie-account/set-member-budget";
import { setWorkspaceBudgetAction } from "@/lib/actions/kie-account/set-workspace-budget";
import type { KieSettings } from "@/lib/kie-account/get-kie-settings";

/** The workspace's monthly budget, then one optional budget per member. */
export function WorkspaceBudget(props: {
  slug: string;
  budget: KieSettings["budget"];
  members: KieSettings["members"];
}) {
  const t = useTranslations("kieAccount.budget");
  return (
    <div className="divide-y divide-line-soft">
      <div className="px-4 py-4 sm:px-5">
        <BudgetForm
          label={t("workspaceLimit")}
          limit={props.budget.limit}
          used={props.budget.used}
          save={(limit) => setWorkspaceBudgetAction({ workspaceSlug: props.slug, limit })}
        />
      </div>
      <div className="px-4 py-4 sm:px-5">
        <h3 className="text-[13px] font-medium text-fg">{t("membersTitle")}</h3>
        <p className="mt-0.5 text-xs leading-5 text-fg-muted">{t("membersHint")}</p>
        <ul className="mt-3 space-y-4">
          {props.members.map((m) => (
            <li
              key={m.userId}
              className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)] sm:gap-4"
            >
              <div className="min-w-0 pt-1.5">
                <p className="truncate text-sm text-fg" title={m.email}>
                  {m.email}
                </p>
                <p className="text-xs text-fg-muted">{t(`roles.${roleKey(m.role)}`)}</p>
              </div>
              <BudgetForm
                compact
                label={t("memberLimit", { email: m.email })}
                limit={m.limit}
                used={m.used}
                save={(limit) =>
                  setMemberBudgetAction({ workspaceSlug: props.slug, userId: m.userId, limit })
                }
              />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function roleKey(role: string): "owner" | "admin" | "member" | "viewer" {
  return role === "owner" || role === "admin" || role === "viewer" ? role : "member";
}
