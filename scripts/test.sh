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
echo "== ruff"
uv run ruff check .
echo "== migrations are up to date"
UPLIFT_VAR_DIR="$(mktemp -d)" uv run uplift makemigrations --check --dry-run
echo "== tests on SQLite"
uv run pytest -q -p no:cacheprovider "$@"
echo "== tests on PostgreSQL"
bash scripts/postgres.sh
DATABASE_URL="${UPLIFT_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/uplift}" \
  uv run pytest -q -p no:cacheprovider "$@"
