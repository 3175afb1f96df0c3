#!/usr/bin/env bash
# Run the app on the embedded defaults: SQLite and a filesystem broker under
# ./var, one Celery worker process, and Django's development server.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG="${DEBUG:-1}"
PORT="${PORT:-8000}"
BIN=.venv/bin

$BIN/python manage.py migrate --no-input -v 0
$BIN/python manage.py load_demo

# -B runs Celery beat inside the worker (the stuck-work sweeper); fine for one
# machine. Without -Q it serves every queue: extraction, checks and webhooks.
$BIN/celery -A factcheck worker -B --loglevel "${WORKER_LOG_LEVEL:-warning}" --concurrency 1 &
WORKER=$!
trap 'kill "$WORKER" 2>/dev/null; wait "$WORKER" 2>/dev/null' EXIT INT TERM

echo
echo "  factcheck is running at http://127.0.0.1:${PORT}/"
echo "  log in as demo / review-the-figures   (Ctrl-C stops the server and the worker)"
echo
$BIN/python manage.py runserver "127.0.0.1:${PORT}"
