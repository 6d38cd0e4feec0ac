#!/usr/bin/env bash
# Install everything the tests need (Chromium and a CJK font from Debian, the pinned Python packages)
# and run the whole suite. Screenshots and logs land in test-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium fonts-noto-cjk
fi
bash scripts/setup.sh requirements-dev.txt
.venv/bin/ruff check .                      # lint and import order (ruff.toml): a finding fails the run
# two workers, one per core, taking tests from each other when idle (a file's server may start on both)
exec .venv/bin/python -m pytest -q -n 2 --dist worksteal "$@"
