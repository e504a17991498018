// zod/mini: the sign-in and sign-up forms check these same rules in the browser, and mini's
// functions let the bundle keep only the checks used here rather than all of zod.
import { z } from "zod/mini";

export const credentialsSchema = z.object({
  email: z.pipe(
    z.string().check(z.trim(), z.toLowerCase()),
    z.email({ error: "invalid_email" }).check(z.maxLength(254, { error: "invalid_email" })),
  ),
  password: z
    .string()
    .check(
      z.minLength(8, { error: "password_too_short" }),
      z.maxLength(200, { error: "password_too_long" }),
    ),
});

export type Credentials = z.infer<typeof credentialsSchema>;
