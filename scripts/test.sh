#!/usr/bin/env bash
# `npm test`: every check — format and lint, types, unit, integration (real SQLite, real
# simulator over HTTP), then a production build driven end to end in a real Chromium.
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

step "Integration tests"
npx vitest run --project integration

step "End-to-end tests (production build, Chromium)"
bash scripts/test-e2e.sh
