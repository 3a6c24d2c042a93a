#!/usr/bin/env bash
# Runs the checks and the whole test suite on SQLite, then again on PostgreSQL. Tests marked
# `once` (browser tests, the persona crawler, plain words: slow, and the same on any database)
# run in the PostgreSQL pass only. Each pass and the whole command print their wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
export PATH="$HOME/.local/bin:$PATH"
unset DATABASE_URL
# Debian packages the tests use: chromium (browser tests) and poppler-utils (PDF text).
missing=""
command -v chromium >/dev/null || missing="$missing chromium"
command -v pdftotext >/dev/null || missing="$missing poppler-utils"
if [ -n "$missing" ] && [ "$(id -u)" = 0 ]; then  # CI runs as root
  echo "== apt-get install$missing"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) \
    || echo "could not install$missing: the tests that need them will be skipped"
fi
started=$(date +%s)
echo "== ruff"
uv run ruff check .
uv run ruff format --check .
echo "== import layers (ARCHITECTURE.md)"
uv run lint-imports
echo "== migrations are up to date"
UPLIFT_VAR_DIR="$(mktemp -d)" uv run uplift makemigrations --check --dry-run
took() { echo "$(( ($(date +%s) - $1) / 60 )) min $(( ($(date +%s) - $1) % 60 )) s"; }
echo "== tests on SQLite (without those marked once)"
pass_started=$(date +%s)
uv run pytest -q -p no:cacheprovider -n "${UPLIFT_TEST_WORKERS:-auto}" --dist loadgroup -m "not once" "$@"
echo "== SQLite pass took $(took "$pass_started")"
echo "== tests on PostgreSQL (all)"
bash scripts/postgres.sh
pass_started=$(date +%s)
DATABASE_URL="${UPLIFT_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/uplift}" \
  uv run pytest -q -p no:cacheprovider -n "${UPLIFT_TEST_WORKERS:-auto}" --dist loadgroup "$@"
echo "== PostgreSQL pass took $(took "$pass_started")"
echo "== the test command took $(took "$started")"
