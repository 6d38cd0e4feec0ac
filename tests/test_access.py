"""Access control: roles and pages (navigation and typed URLs), restricted catalog detail, accounts, lock-out,
the wall token, and no secret in the logs."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from lyg.auth import accounts, roles
from lyg.auth.accounts import AuthError
from tests.apptest import open_app_page

PASSWORD = "correct-horse-battery"
PAGES = {"overview": "pages/overview.py", "fireworks": "pages/fireworks.py", "bonded": "pages/bonded.py",
         "catalog": "pages/catalog.py", "digital": "pages/digital.py", "legislation": "pages/legislation.py",
         "sql": "pages/sql.py", "import": "pages/import.py"}
EXPECTED = {
    "leader": {"overview", "fireworks", "bonded", "catalog", "digital", "legislation"},
    "analyst": {"overview", "fireworks", "bonded", "catalog", "digital", "legislation", "sql"},
    "admin": set(PAGES),
}


def test_role_matrix():
    for role, allowed in EXPECTED.items():
        for page in PAGES:
            assert roles.may_open(role, page) is (page in allowed), (role, page)
        assert roles.may_open(role, "wall")
    assert roles.ROLE_PAGES["wall"] == {"wall"}
    assert not roles.may_open("nobody", "overview")


def test_restricted_detail_rule():
    assert roles.sees_detail("leader", "无条件共享")
    assert not roles.sees_detail("leader", "不予共享") and not roles.sees_detail("wall", "有条件共享")
    assert roles.sees_detail("analyst", "不予共享") and roles.sees_detail("admin", "有条件共享")
    frame = pd.DataFrame({"共享类型": ["不予共享", "无条件共享"], "信息资源摘要": ["机密摘要", "公开摘要"], "信息资源名称": ["甲", "乙"]})
    masked = roles.mask_restricted(frame, "leader", share_column="共享类型")
    assert masked["信息资源摘要"].tolist() == [roles.HIDDEN, "公开摘要"] and masked["信息资源名称"].tolist() == ["甲", "乙"]
    assert roles.mask_restricted(frame, "analyst", share_column="共享类型").equals(frame)


@pytest.fixture
def users(tmp_path):
    path = tmp_path / "users.json"
    for name, role in (("leader1", "leader"), ("analyst1", "analyst"), ("admin1", "admin")):
        accounts.add_user(path, name, role, PASSWORD)
    return path


def test_passwords_are_hashed_never_stored(users):
    text = users.read_text(encoding="utf-8")
    assert PASSWORD not in text and "$2b$" in text


def test_verify_and_wrong_password(users):
    assert accounts.verify(users, "leader1", PASSWORD).role == "leader"
    with pytest.raises(AuthError, match="用户名或密码错误"):
        accounts.verify(users, "leader1", "wrong-password!")
    with pytest.raises(AuthError, match="用户名或密码错误"):
        accounts.verify(users, "nobody", PASSWORD)


def test_lock_out_after_repeated_failures(users):
    now = datetime(2026, 11, 28, 9, 0)
    for _ in range(accounts.MAX_FAILURES - 1):
        with pytest.raises(AuthError, match="用户名或密码错误"):
            accounts.verify(users, "analyst1", "nope-nope-nope", now)
    with pytest.raises(AuthError, match="已锁定"):
        accounts.verify(users, "analyst1", "nope-nope-nope", now)
    with pytest.raises(AuthError, match="已锁定"):
        accounts.verify(users, "analyst1", PASSWORD, now + timedelta(minutes=5))  # even the right password
    assert accounts.verify(users, "analyst1", PASSWORD, now + timedelta(minutes=accounts.LOCK_MINUTES + 1)).role == "analyst"
    accounts.unlock(users, "analyst1")


def test_short_passwords_and_wall_role_refused(users):
    with pytest.raises(AuthError, match="至少"):
        accounts.add_user(users, "x", "leader", "short")
    with pytest.raises(AuthError, match="角色"):
        accounts.add_user(users, "x", "wall", PASSWORD)


def test_wall_token(users):
    token = accounts.new_wall_token(users)
    assert len(token) >= 40 and token not in users.read_text(encoding="utf-8")
    assert accounts.verify_wall_token(users, token).role == "wall"
    with pytest.raises(AuthError):
        accounts.verify_wall_token(users, token[:-1] + ("A" if token[-1] != "A" else "B"))
    with pytest.raises(AuthError):
        accounts.verify_wall_token(users, "")


@pytest.fixture
def local_auth(app_env, users, monkeypatch):
    monkeypatch.setenv("LYG_AUTH", "local")
    monkeypatch.setenv("LYG_USERS_FILE", str(users))
    return users


def _login(name: str, path: str = "pages/overview.py", password: str = PASSWORD, **query):
    at = open_app_page("pages/overview.py", **query)
    at.text_input(key="login-user").input(name)
    at.text_input(key="login-password").input(password)
    at.button[0].click().run()
    if path != "pages/overview.py":
        at.switch_page(path).run()
    return at


def test_login_required_in_local_mode(local_auth):
    at = open_app_page("pages/overview.py")
    assert at.title[0].value.endswith("登录")
    assert not [m for m in at.markdown if "数据截至" in m.value]


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_sees_its_pages_and_is_refused_the_rest(local_auth, role):
    for page, path in PAGES.items():
        if page in EXPECTED[role]:
            at = _login(f"{role}1", path)
            assert not at.exception and at.title and not any("无权访问" in e.value for e in at.error), (role, page)
        else:  # not in this role's navigation at all
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                _login(f"{role}1", path)


def test_typed_url_is_checked_by_the_page_itself(local_auth):
    from streamlit.testing.v1 import AppTest

    from tests.apptest import ROOT
    at = AppTest.from_file(str(ROOT / "pages/sql.py"), default_timeout=60)  # the page without app.py's navigation
    at.session_state["identity"] = accounts.Identity("leader1", "leader")
    at.run()
    assert any("无权访问" in e.value for e in at.error)
    assert not at.dataframe


def test_leader_does_not_see_restricted_catalog_detail(local_auth, db):
    code = db.execute("SELECT resource_code FROM cat_entries WHERE share_type = '不予共享' AND summary <> '' ORDER BY 1 LIMIT 1")["resource_code"].iat[0]
    summary = db.execute("SELECT summary FROM cat_entries WHERE resource_code = $c", {"c": code})["summary"].iat[0]
    leader = _login("leader1", "pages/catalog.py", q=code)
    assert any(roles.HIDDEN in m.value for m in leader.markdown)
    assert summary not in [t.value for t in leader.text]
    analyst = _login("analyst1", "pages/catalog.py", q=code)
    assert summary in [t.value for t in analyst.text]


def test_wall_token_opens_the_wall_and_nothing_else(local_auth):
    token = accounts.new_wall_token(local_auth)
    at = open_app_page("pages/overview.py", wall="1", token=token)
    assert not at.exception
    assert any("数据更新于" in m.value for m in at.markdown)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/catalog.py")  # the wall's navigation holds the wall alone
    bad = open_app_page("pages/overview.py", wall="1", token="not-the-token")
    assert not any("数据更新于" in m.value for m in bad.markdown)


def test_no_password_or_token_in_logs(local_auth, caplog):
    token = accounts.new_wall_token(local_auth)
    caplog.set_level(logging.DEBUG)
    _login("leader1", password="Wrong-password-123")
    _login("leader1")
    open_app_page("pages/overview.py", wall="1", token=token + "x")
    open_app_page("pages/overview.py", wall="1", token=token)
    assert "Wrong-password-123" not in caplog.text and PASSWORD not in caplog.text and token not in caplog.text
    assert "login refused for leader1" in caplog.text


def test_demo_mode_shows_its_banner(app_env):
    at = open_app_page("pages/bonded.py")
    assert any("演示模式" in c.value for c in at.caption)


def test_an_unknown_name_takes_as_long_as_a_known_one(tmp_path, monkeypatch):
    """No guessing which user names exist from the time a refusal takes (both pay for a full bcrypt check)."""
    import time
    monkeypatch.setattr(accounts, "BCRYPT_ROUNDS", 10)  # measurable (about 0.08 s), unlike the suite's cheap hashes
    path = tmp_path / "users.json"
    accounts.add_user(path, "leader1", "leader", PASSWORD)
    def refusal_time(name: str) -> float:
        started = time.perf_counter()
        with pytest.raises(AuthError):
            accounts.verify(path, name, "not-the-password-1")
        return time.perf_counter() - started
    refusal_time("nobody-at-all")  # the dummy hash is made once
    known = min(refusal_time("leader1") for _ in range(2))
    unknown = min(refusal_time("nobody-at-all") for _ in range(2))
    assert unknown > 0.5 * known and known > 0.02, (unknown, known)


def test_sign_in_refusals_speak_the_readers_language(users):
    from lyg.i18n import render
    with pytest.raises(AuthError) as refused:
        accounts.verify(users, "nobody", PASSWORD)
    assert render(refused.value.message, "en") == "Wrong user name or password"


def test_demo_visitors_get_no_tools_unless_the_deployment_asks(app_env, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.apptest import ROOT
    monkeypatch.setenv("LYG_DEMO_TOOLS", "0")
    for path in ("pages/sql.py", "pages/import.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            open_app_page(path)  # not in a demo visitor's navigation
        typed = AppTest.from_file(str(ROOT / path), default_timeout=60)  # nor opened by a typed URL
        typed.run()
        assert any("无权访问本页" in e.value for e in typed.error), path
    assert roles.pages_for("admin", demo=True) == roles.ROLE_PAGES["admin"] - roles.TOOLS
    assert roles.pages_for("admin", demo=True, demo_tools=True) == roles.ROLE_PAGES["admin"]
    assert roles.pages_for("admin") == roles.ROLE_PAGES["admin"]  # a signed-in administrator keeps them
    monkeypatch.setenv("LYG_DEMO_TOOLS", "1")
    assert not open_app_page("pages/sql.py").exception


def test_demo_mode_refuses_a_network_address():
    from lyg.config import Settings, exposure_problem
    assert exposure_problem(Settings(auth="demo"), "127.0.0.1") is None
    assert "LYG_AUTH=local" in exposure_problem(Settings(auth="demo"), "0.0.0.0")
    assert exposure_problem(Settings(auth="demo"), "") is not None  # every interface
    assert exposure_problem(Settings(auth="local"), "0.0.0.0") is None


def test_the_start_script_refuses_a_network_address_in_demo_mode():
    import os
    import subprocess
    import sys

    from tests.apptest import ROOT
    env = {k: v for k, v in os.environ.items() if k != "LYG_AUTH"}
    refused = subprocess.run([sys.executable, "-m", "lyg", "preflight", "--server.address", "0.0.0.0"], cwd=ROOT, env=env,
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "LYG_AUTH=local" in refused.stderr
    ok = subprocess.run([sys.executable, "-m", "lyg", "preflight"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert ok.returncode == 0
    assert 'address = "127.0.0.1"' in (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")


MARKERS = {"summary": "绝密摘要词甲", "share_condition": "绝密条件词乙", "open_condition": "绝密开放词丙", "item_name": "绝密信息项丁"}


@pytest.fixture(scope="module")
def marked_data(tmp_path_factory) -> tuple[Path, Path]:
    """Marker words placed only in restricted fields of restricted entries (and one dangling related code); built once
    for the module, as no test changes it."""
    from lyg.build import build
    from tests.conftest import copy_sample
    data = copy_sample(tmp_path_factory.mktemp("marked") / "data")
    entries = pd.read_csv(data / "catalog_entries.csv", dtype=str, keep_default_na=False)
    restricted = entries["share_type"].isin(roles.RESTRICTED_SHARE_TYPES)
    for column in ("summary", "share_condition", "open_condition"):
        entries.loc[restricted, column] = MARKERS[column] + entries.loc[restricted, "resource_code"]
    first = entries.index[restricted][0]
    entries.loc[first, "related_codes"] = "399999/777777"  # dangling: the quality tab would name it
    entries.to_csv(data / "catalog_entries.csv", index=False)
    items = pd.read_csv(data / "catalog_items.csv", dtype=str, keep_default_na=False)
    items.loc[items["resource_code"].isin(entries.loc[restricted, "resource_code"]), "item_name"] = MARKERS["item_name"]
    items.to_csv(data / "catalog_items.csv", index=False)
    build(data, data.parent / "marked.duckdb")
    return data, data.parent / "marked.duckdb"


@pytest.fixture
def marked_catalog(marked_data, monkeypatch):
    data, db = marked_data
    monkeypatch.setenv("LYG_DB_PATH", str(db))
    monkeypatch.setenv("LYG_DATA_DIR", str(data))


def _everything_shown(at) -> str:
    parts = [e.value for kind in ("markdown", "text", "caption", "info", "warning", "error") for e in getattr(at, kind)]
    parts += [e.value.to_csv() for e in at.dataframe]
    parts += [str(o) for box in at.selectbox for o in box.options] + [str(o) for box in at.multiselect for o in box.options]
    return "\n".join(parts)


@pytest.mark.parametrize("marker", sorted(MARKERS.values()) + ["777777"])
def test_a_leader_learns_nothing_of_restricted_fields_by_any_path(local_auth, marked_catalog, marker):
    leader = _login("leader1", "pages/catalog.py", q=marker)
    assert not leader.exception
    shown = _everything_shown(leader)  # the search, its count and facets, the scorecard, freshness and quality tabs
    assert "共 0 条" in shown, "a search for a restricted word must match nothing"
    assert marker not in shown
    for page in ("pages/overview.py", "pages/catalog.py"):
        assert marker not in _everything_shown(_login("leader1", page))
    if marker in (MARKERS["summary"], MARKERS["item_name"]):  # the fields search reads (conditions and codes are not searched)
        analyst = _login("analyst1", "pages/catalog.py", q=marker)  # the rule is about leaders: analysts find it
        assert "共 0 条" not in _everything_shown(analyst)


def test_the_demo_role_survives_a_change_of_language(app_env):
    """The demo role is kept as a role key: switching language and then navigating never meets a label (管理员)."""
    at = open_app_page("pages/overview.py")
    at.selectbox(key="demo-role-zh").set_value("leader").run()
    assert not at.exception and at.session_state["demo-role-value"] == "leader"
    at.radio(key="lang-switch").set_value("en").run()  # the sidebar's 中文/English switch
    assert not at.exception and at.selectbox(key="demo-role-en").value == "leader"
    at.switch_page("pages/fireworks.py").run()
    assert not at.exception, at.exception
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/sql.py").run()  # a leader's navigation, in English too
