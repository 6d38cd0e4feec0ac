#!/usr/bin/env bash
# Install and start the dashboard on the bundled sample data (builds the database on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh requirements.txt
exec .venv/bin/python -m streamlit run app.py "$@"
