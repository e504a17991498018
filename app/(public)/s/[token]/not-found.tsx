import { LinkUnavailable } from "@/components/sharing/link-unavailable";

// Unknown, revoked and expired links all land here, with HTTP 404.
export default function ShareNotFound() {
  return <LinkUnavailable />;
}
