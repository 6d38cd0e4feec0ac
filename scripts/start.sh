#!/usr/bin/env bash
# Install and start the dashboard on the bundled sample data (builds the database on first start).
# Listens on 127.0.0.1 unless --server.address is given.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
# Refuses a network address while sign-in is off (demo mode): see README, "Deploying".
.venv/bin/python -m lyg preflight "$@"
exec .venv/bin/python -m streamlit run app.py "$@"
