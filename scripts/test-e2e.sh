#!/usr/bin/env bash
# Builds the studio for production and drives it in Chromium with Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-tools.sh
npx next build
rm -rf data/e2e
npx playwright test "$@"
