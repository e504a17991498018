/**
 * Whether a session is still good: "sign out everywhere" bumps the person's version, so every
 * token issued before it carries an older one. Tokens from before versions existed count as 0.
 */
export function isSessionCurrent(tokenVersion: number | undefined, userVersion: number): boolean {
  return (tokenVersion ?? 0) === userVersion;
}
