"""Shared fixtures: a database built once from data/ into a temporary folder, and copies of data/ to break."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lyg.build import build
from lyg.db import Database

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def built_db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "lyg.duckdb"
    build(DATA, path)
    return path


@pytest.fixture(scope="session")
def db(built_db_path) -> Database:
    return Database(built_db_path)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("README.md", "imports"))
    return target


@pytest.fixture(scope="session")
def app_env(built_db_path):
    """Environment for AppTest and the browser: the session database, no rebuild from the real data/, and demo mode
    with its tools turned on (as on a trusted laptop) so the console and import pages can be tested."""
    old = {k: os.environ.get(k) for k in ("LYG_DB_PATH", "LYG_DEMO_TOOLS")}
    os.environ["LYG_DB_PATH"] = str(built_db_path)
    os.environ["LYG_DEMO_TOOLS"] = "1"
    yield built_db_path
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
