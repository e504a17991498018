import { z } from "zod";

export const credentialsSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "invalid_email" }).max(254, { error: "invalid_email" })),
  password: z
    .string()
    .min(8, { error: "password_too_short" })
    .max(200, { error: "password_too_long" }),
});

export type Credentials = z.infer<typeof credentialsSchema>;
