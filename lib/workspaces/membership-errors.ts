import { AppError } from "@/lib/errors";
import type { MembershipRefusal } from "@/lib/workspaces/member-rules";

export function refusalError(refusal: MembershipRefusal): AppError {
  return refusal === "last_owner"
    ? new AppError(
        "conflict",
        "A workspace needs at least one owner. Make someone else owner first.",
      )
    : new AppError("forbidden", "Your role in this workspace does not allow this");
}
