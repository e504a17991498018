// One-line JSON logs. Keys that may hold secrets are masked wherever they appear, so a careless
// log call cannot leak an API key, token or password.
const SECRET_KEYS = /(authorization|api[-_]?key|secret|token|password|signature|hmac|cookie)/i;

type Fields = Record<string, unknown>;

function scrub(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      stack: value.stack?.split("\n").slice(0, 6),
    };
  }
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrub(v, depth + 1));
  const out: Fields = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.test(k) ? "[redacted]" : scrub(v, depth + 1);
  }
  return out;
}

function write(level: "debug" | "info" | "warn" | "error", fields: Fields, msg: string) {
  if (level === "debug" && !process.env.DEBUG) return;
  const line = JSON.stringify({
    t: new Date().toISOString(),
    level,
    msg,
    ...(scrub(fields) as Fields),
  });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (fields: Fields, msg: string) => write("debug", fields, msg),
  info: (fields: Fields, msg: string) => write("info", fields, msg),
  warn: (fields: Fields, msg: string) => write("warn", fields, msg),
  error: (fields: Fields, msg: string) => write("error", fields, msg),
};
