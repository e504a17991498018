#!/usr/bin/env bash
# `npm test`: every check — format and lint, types, migrations, unit, integration (real SQLite
# and real PostgreSQL, real simulator over HTTP), then a production build driven end to end in a
# real Chromium, and two production instances sharing one PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "Test tools"
bash scripts/ensure-test-tools.sh

step "Lint and format (Biome)"
npx biome check .

step "Types (tsc)"
npx tsc --noEmit -p .

step "Migrations agree with the schema"
node scripts/check-migrations.mjs

step "Unit tests"
npx vitest run --project unit

step "Integration tests on SQLite"
npx vitest run --project integration

step "Integration tests on PostgreSQL"
if node -e 'import("./scripts/temp-postgres.mjs").then((m) => process.exit(m.postgresAvailable() ? 0 : 1))'; then
  npx vitest run --project integration-pg
else
  printf '\n\033[1;31m!! SKIPPED: no PostgreSQL server binaries (initdb, pg_ctl) on this machine.\033[0m\n'
  printf '\033[1;31m!! Install them (apt-get install -y postgresql) to run the PostgreSQL leg.\033[0m\n\n'
fi

step "Production build"
npx next build

step "End-to-end tests (Chromium)"
rm -rf data/e2e
npx playwright test

step "The production server's defences (headers, cross-site requests, throttling)"
npx vitest run --project production

step "Two instances, one PostgreSQL; a database outage (production build)"
if node -e 'import("./scripts/temp-postgres.mjs").then((m) => process.exit(m.postgresAvailable() ? 0 : 1))'; then
  npx vitest run --project scale
else
  printf '\n\033[1;31m!! SKIPPED: no PostgreSQL server binaries for the multi-instance tests.\033[0m\n\n'
fi
