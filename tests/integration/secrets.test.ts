import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { openSecret } from "@/lib/crypto/secret-box";
import { db, dbProvider } from "@/lib/db";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { env } from "@/lib/env";
import { getGeneration } from "@/lib/generations/get-generation";
import { listGenerations } from "@/lib/generations/list-generations";
import { getCredits } from "@/lib/kie-account/get-credits";
import { getKieSettings } from "@/lib/kie-account/get-kie-settings";
import { setKieKeys } from "@/lib/kie-account/set-kie-keys";
import { testKieKey } from "@/lib/kie-account/test-kie-key";
import {
  generate,
  generationRow,
  newWorkspace,
  studio,
  waitFor,
  waitForState,
} from "@/tests/support/studio";

// Recognisable, and long enough that no accidental match is possible.
const RAW_KEY = "kie-SECRET-abc123-5f0e8d7c6b5a49382716";
const RAW_HMAC = "hmac-SECRET-def456-0a1b2c3d4e5f6a7b8c9d";
const SECRETS = [RAW_KEY, RAW_HMAC];

// Every line the studio (and the in-process simulator) writes while it uses the key.
const logged: string[] = [];
const restore: (() => void)[] = [];

function capture() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = write;
    });
  }
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      original(...args);
    };
    restore.push(() => {
      console[level] = original;
    });
  }
}

function expectNoSecret(where: string, text: string) {
  for (const secret of SECRETS) {
    if (text.includes(secret)) throw new Error(`a raw key appeared in ${where}`);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(capture);
afterAll(() => {
  for (const undo of restore.reverse()) undo();
});

describe("the workspace's raw kie.ai key never leaves the server", () => {
  it("appears in no JSON, no page data, no log line and nowhere in the database", async () => {
    const ctx = await newWorkspace();
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    await setKieKeys({ workspaceId: ctx.workspace.id, actor, apiKey: RAW_KEY, hmacKey: RAW_HMAC });

    // The studio uses the key: test it, read the balance, generate a video to the end.
    const outputs: [string, unknown][] = [];
    outputs.push([
      "test key (typed)",
      await testKieKey({ workspaceId: ctx.workspace.id, apiKey: RAW_KEY }),
    ]);
    outputs.push(["test key (stored)", await testKieKey({ workspaceId: ctx.workspace.id })]);
    outputs.push(["credits", await getCredits(ctx.workspace.id, ctx.userId)]);
    const dto = await generate(ctx, "灯塔与海浪，黄昏 [sim:dupcallback]");
    outputs.push(["created generation", dto]);
    await waitForState(dto.id, ["success"]);
    await waitFor(async () => (await generationRow(dto.id)).mediaState === "stored", {
      what: "media",
    });
    // kie.ai refusing the key: its message is passed on, the key is not.
    studio().sim.configure({ apiKeys: ["some-other-key-entirely"] });
    try {
      outputs.push([
        "refused test",
        await testKieKey({ workspaceId: ctx.workspace.id, apiKey: RAW_KEY }),
      ]);
      const refused = await generate(ctx, "被拒绝的密钥");
      outputs.push(["refused generation", await waitForState(refused.id, ["error"])]);
    } finally {
      studio().sim.configure({ apiKeys: null });
    }
    const ref = { workspaceId: ctx.workspace.id, workspaceSlug: ctx.workspace.slug };
    outputs.push(["gallery page", await listGenerations(ref)]);
    outputs.push(["generation", await getGeneration({ ...ref, id: dto.id })]);
    outputs.push(["settings page data", await getKieSettings(ctx.workspace.id)]);
    outputs.push(["audit log", await listAuditLog({ workspaceId: ctx.workspace.id })]);
    for (const [where, value] of outputs) expectNoSecret(where, JSON.stringify(value));
    expect(JSON.stringify(outputs[0]?.[1])).toContain('"ok":true');

    // At rest: ciphertext that opens to the key, and only the mask in the clear.
    const row = await db.workspace.findUniqueOrThrow({ where: { id: ctx.workspace.id } });
    expect(row.kieApiKeyEnc).toMatch(/^v1\./);
    expect(row.kieApiKeyEnc).not.toContain(RAW_KEY);
    expect(openSecret(row.kieApiKeyEnc ?? "", env().AUTH_SECRET)).toBe(RAW_KEY);
    expect(openSecret(row.kieHmacKeyEnc ?? "", env().AUTH_SECRET)).toBe(RAW_HMAC);
    expect(row.kieApiKeyHint).toBe(`••••${RAW_KEY.slice(-4)}`);
    // Not in any table: jobs, provider events, audit details… On SQLite the whole file is
    // searched; on PostgreSQL every row of every table, as text.
    if (dbProvider() === "sqlite") {
      await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      const file = sqliteFilePath(env().DATABASE_URL);
      for (const path of [file, `${file}-wal`].filter(existsSync)) {
        expectNoSecret(path, readFileSync(path).toString("latin1"));
      }
    } else {
      const tables = await db.$queryRaw<{ tablename: string }[]>`
        SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
      for (const { tablename } of tables) {
        const rows = await db.$queryRawUnsafe<{ row: string }[]>(
          `SELECT t::text AS row FROM "${tablename}" t`,
        );
        expectNoSecret(`table ${tablename}`, rows.map((r) => r.row).join("\n"));
      }
    }

    expect(logged.length).toBeGreaterThan(5);
    expectNoSecret("a log line", logged.join("\n"));
  });

  it("is not in the client bundle, when a build exists", () => {
    const staticDir = join(process.cwd(), ".next", "static");
    if (!existsSync(staticDir)) return;
    for (const path of filesUnder(staticDir)) {
      const text = readFileSync(path).toString("latin1");
      expectNoSecret(path, text);
      // Nor the modules that handle keys: their presence would mean the browser could hold one.
      expect(text.includes("hailuo-studio/secret-box"), path).toBe(false);
      expect(text.includes("kieApiKeyEnc"), path).toBe(false);
    }
  });
});
