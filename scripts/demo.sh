#!/usr/bin/env bash
# Sets everything up on the embedded default (SQLite under var/), loads the demo data,
# prints the demo logins and serves Uplift on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
export PATH="$HOME/.local/bin:$PATH"
uv run uplift migrate --no-input
uv run uplift demo
echo
echo "Serving Uplift on http://127.0.0.1:8000 (Ctrl+C to stop)"
exec uv run gunicorn uplift.wsgi --bind 127.0.0.1:8000 --workers 2 --access-logfile -
