export type DbProvider = "sqlite" | "postgresql";

/** Which database a DATABASE_URL points at: SQLite for `file:`, PostgreSQL for postgres(ql)://. */
export function dbProviderOf(databaseUrl: string): DbProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}
