/** next-auth's credentials sign-in over HTTP, as its client does it: a CSRF token, then a POST. */
export async function postCredentials(
  baseUrl: string,
  form: { email: string; password: string; callbackUrl?: string; json?: boolean },
  init: { query?: string; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: init.headers });
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email: form.email, password: form.password });
  if (form.callbackUrl !== undefined) body.set("callbackUrl", form.callbackUrl);
  if (form.json !== false) body.set("json", "true");
  return fetch(`${baseUrl}/api/auth/callback/credentials${init.query ?? ""}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...init.headers,
      "content-type": "application/x-www-form-urlencoded",
      cookie: [csrfCookie, init.cookie].filter(Boolean).join("; "),
      origin: baseUrl,
    },
    body,
  });
}

/** The `name=value` pairs a response sets, for the next request's Cookie header. */
export function cookiesSet(res: Response): Map<string, string> {
  return new Map(
    res.headers.getSetCookie().map((c) => {
      const pair = c.split(";")[0] ?? "";
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}
