import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

// Every environment variable the studio reads, validated once. All are optional: the defaults
// run the whole studio offline on SQLite, local disk and the bundled kie.ai simulator.
const schema = z.object({
  DATABASE_URL: z.string().min(1).default("file:./data/studio.db"),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  KIE_API_KEY: z.string().min(1).optional(),
  KIE_BASE_URL: z.url().optional(),
  // kie.ai's File Upload API, for the images a video starts or ends on.
  KIE_UPLOAD_BASE_URL: z.url().optional(),
  KIE_WEBHOOK_HMAC_KEY: z.string().min(1).optional(),
  APP_URL: z.url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  MEDIA_DIR: z.string().min(1).default("./data/media"),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(300 * 1024 * 1024),
  MEDIA_ALLOWED_HOSTS: z.string().default("*.kie.ai,*.aiquickdraw.com,*.redpandaai.co"),
  AUTH_SECRET: z.string().min(16).optional(),
  // Sign-in with GitHub / Google: each is switched on when both of its variables are set.
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  SIMULATOR_URL: z.url().optional(),
  KIE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  // Longer than a createTask can take with its retries, so a live submission is never taken over.
  JOB_LEASE_MS: z.coerce.number().int().positive().default(120_000),
  JOB_POLL_MS: z.coerce.number().int().positive().default(500),
  RECONCILE_SCALE: z.coerce.number().positive().default(1),
  // How many proxies in front of the studio append to X-Forwarded-For; 0: the socket's address.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Media on S3 or an S3-compatible store (MinIO, R2…) when S3_BUCKET is set; else MEDIA_DIR.
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .optional(),
  S3_PREFIX: z.string().optional(),
});

export type Env = z.infer<typeof schema> & {
  APP_URL: string;
  AUTH_SECRET: string;
  /** Where the kie.ai client talks: the real API, or the simulator when no key is set. */
  KIE_BASE_URL: string;
  /** Where images are uploaded for kie.ai to fetch: its File Upload API, or the simulator. */
  KIE_UPLOAD_BASE_URL: string;
  KIE_API_KEY: string;
  usingSimulator: boolean;
};

const DATA_DIR = resolve("data");

function persistedSecret(): string {
  const file = resolve(DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  }
  const raw = parsed.data;
  const usingSimulator = !raw.KIE_API_KEY;
  const simulatorUrl = raw.SIMULATOR_URL ?? "http://127.0.0.1:3210";
  return {
    ...raw,
    APP_URL: (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ""),
    AUTH_SECRET: raw.AUTH_SECRET ?? persistedSecret(),
    KIE_BASE_URL: (
      raw.KIE_BASE_URL ?? (usingSimulator ? simulatorUrl : "https://api.kie.ai")
    ).replace(/\/$/, ""),
    KIE_UPLOAD_BASE_URL: (
      raw.KIE_UPLOAD_BASE_URL ?? (usingSimulator ? simulatorUrl : "https://kieai.redpandaai.co")
    ).replace(/\/$/, ""),
    // The simulator accepts any key; a fixed one keeps the request shape identical to kie's.
    KIE_API_KEY: raw.KIE_API_KEY ?? "simulator",
    usingSimulator,
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= load();
  return cached;
}
