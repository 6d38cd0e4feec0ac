"""Shared fixtures: a database built once from data/ into a temporary folder, and copies of data/ to break."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from lyg.build import build
from lyg.db import Database

ROOT = Path(__file__).resolve().parent.parent
COMMITTED_DATA = ROOT / "data"


def _generated_sample() -> Path:
    """The tests' data: the sample generated afresh (seed LYG_TEST_SEED, default the generator's own) beside the real
    district outlines, so the suite does not depend on what a city has put in data/. tests/test_data_contract.py checks
    that the committed data/ is the generator's output."""
    from lyg.sample.generate import SEED, generate
    folder = Path(tempfile.mkdtemp(prefix="lyg-test-data-")) / "data"
    folder.mkdir()
    shutil.copy(COMMITTED_DATA / "districts.geojson", folder)
    generate(folder, seed=int(os.environ.get("LYG_TEST_SEED", SEED)))
    atexit.register(shutil.rmtree, folder.parent, True)
    return folder


DATA = _generated_sample()


BROWSER_FIXTURES = {"server", "page", "chromium", "wall_page", "wall_server", "poisoned_server"}


def pytest_collection_modifyitems(items):
    """Layers to run alone: `-m "not browser"` skips Chromium, `-m apptest` runs the page scripts only."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        elif "app_env" in fixtures or "poisoned_env" in fixtures or "local_auth" in fixtures:
            item.add_marker(pytest.mark.apptest)


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing():
    """bcrypt at its lowest cost: the accounts' logic is the same, the suite is faster (checks cost 4 rounds, not 12)."""
    from lyg.auth import accounts
    accounts.BCRYPT_ROUNDS = 4
    yield


@pytest.fixture(scope="session")
def built_db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "lyg.duckdb"
    build(DATA, path)
    return path


@pytest.fixture(scope="session")
def db(built_db_path) -> Database:
    return Database(built_db_path)


def copy_sample(target: Path) -> Path:
    """The tests' sample copied to target (its source files only), for a test to change or break."""
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("README.md", "imports"))
    return target


@pytest.fixture
def data_copy(tmp_path) -> Path:
    return copy_sample(tmp_path / "data")


@pytest.fixture
def built_copy(data_copy, tmp_path, built_db_path) -> Path:
    """A database of this test's own, for data_copy: the session's build copied (1.5 s less than building it again per
    test). Both copies keep their times, so the database stays newer than the files and is not rebuilt."""
    target = tmp_path / "lyg.duckdb"
    shutil.copy2(built_db_path, target)
    return target


@pytest.fixture
def live(data_copy, built_copy) -> tuple[Path, Path]:
    """A data folder and its database, both this test's own: for tests that import, rebuild or ingest."""
    return data_copy, built_copy


@pytest.fixture(scope="session")
def app_env(built_db_path):
    """Environment for AppTest and the browser: the session database, no rebuild from the real data/, and demo mode
    with its tools turned on (as on a trusted laptop) so the console and import pages can be tested."""
    old = {k: os.environ.get(k) for k in ("LYG_DB_PATH", "LYG_DATA_DIR", "LYG_DEMO_TOOLS")}
    os.environ["LYG_DB_PATH"] = str(built_db_path)
    os.environ["LYG_DATA_DIR"] = str(DATA)
    os.environ["LYG_DEMO_TOOLS"] = "1"
    yield built_db_path
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def poisoned(tmp_path_factory):
    """A copy of the sample whose free text carries Markdown, HTML and script payloads (tests/hostile.py), built once."""
    from tests.hostile import poison
    root = tmp_path_factory.mktemp("poisoned")
    data = copy_sample(root / "data")
    touched = poison(data)
    assert len(touched) >= 15  # every domain's prose: names, roads, conditions, summaries, titles, departments
    build(data, root / "lyg.duckdb")
    return data, root / "lyg.duckdb"


@pytest.fixture(scope="session")
def server(app_env):
    """The app on the session's database, one server per test worker for every browser test that only reads."""
    from tests.browser import streamlit_server
    with streamlit_server({"LYG_DB_PATH": str(app_env)}) as base:
        yield base


@pytest.fixture(scope="session")
def poisoned_server(poisoned):
    """The app on the poisoned data, for the walk through every page."""
    from tests.browser import streamlit_server
    data, db = poisoned
    with streamlit_server({"LYG_DATA_DIR": str(data), "LYG_DB_PATH": str(db)}) as base:
        yield base


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, launched once per test worker; each test gets a fresh context (no shared cookies or state)."""
    playwright = pytest.importorskip("playwright.sync_api")
    from tests.browser import CHROMIUM, CHROMIUM_ARGS
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh 1920×1080 Chinese browser context and its page."""
    context = chromium.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    yield context.new_page()
    context.close()
