#!/usr/bin/env bash
# Install everything the tests need (Chromium, a CJK font and PostgreSQL 15 from Debian, the pinned Python packages)
# and run the whole suite. Screenshots and logs land in test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium fonts-noto-cjk postgresql-15
fi
bash scripts/setup.sh requirements-dev.txt
.venv/bin/ruff check .                      # lint and import order (ruff.toml): a finding fails the run
# two workers, one per core, taking tests from each other when idle (a file's server may start on both)
exec .venv/bin/python -m pytest -q -n 2 --dist worksteal "$@"
