#!/usr/bin/env bash
# Runs the checks and the whole test suite on SQLite, then again on PostgreSQL.
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
echo "== tests on SQLite"
uv run pytest -q -p no:cacheprovider -n "${UPLIFT_TEST_WORKERS:-auto}" "$@"
echo "== tests on PostgreSQL"
bash scripts/postgres.sh
DATABASE_URL="${UPLIFT_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/uplift}" \
  uv run pytest -q -p no:cacheprovider -n "${UPLIFT_TEST_WORKERS:-auto}" "$@"
echo "== the test command took $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"
