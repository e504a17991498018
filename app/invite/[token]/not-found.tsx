import { DeadInvite } from "@/components/invites/dead-invite";
import { InviteFrame } from "@/components/invites/invite-frame";

// An unknown invite token: the same page as any dead link, with HTTP 404.
export default function InviteNotFound() {
  return (
    <InviteFrame>
      <DeadInvite status="not_found" />
    </InviteFrame>
  );
}
