import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { shareGuesses } from "@/lib/sharing/password-attempts";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { shareAccessValue } from "@/lib/sharing/share-access";

/**
 * Checks a password for a protected link, given from `address`; the answer is the access
 * cookie's value. Unknown, revoked and expired links answer not_found, as their pages do.
 */
export async function unlockShareLink(args: {
  token: string;
  password: string;
  address: string;
}): Promise<{ linkId: string; cookieValue: string }> {
  const link = await resolveShareLink(args.token);
  if (!link) throw new AppError("not_found", "This link isn't available");
  if (!link.passwordHash) return { linkId: link.id, cookieValue: shareAccessValue(link) };
  const guess = await shareGuesses.take(link.id, args.address);
  if (guess.waitMs > 0) {
    const minutes = Math.ceil(guess.waitMs / 60_000);
    throw new AppError("rate_limited", `Too many wrong passwords. Try again in ${minutes} min.`);
  }
  if (!(await verifyPassword(link.passwordHash, args.password))) {
    throw new AppError("invalid_input", "Wrong password", { password: "wrong" });
  }
  await guess.forgive();
  return { linkId: link.id, cookieValue: shareAccessValue(link) };
}
