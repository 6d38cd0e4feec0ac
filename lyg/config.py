"""All configuration in one place: defaults, then an optional lyg.toml, then LYG_* environment variables."""
from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from lyg.wall import PANEL_TITLES

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    data_dir: Path = PROJECT_ROOT / "data"
    db_path: Path = PROJECT_ROOT / "build" / "lyg.duckdb"
    language: str = "zh"
    wall_panels: tuple[str, ...] = tuple(PANEL_TITLES)  # every panel, in the wall module's order
    wall_dwell_seconds: int = 30
    wall_refresh_seconds: int = 60
    basemap_style_url: str = ""  # an intranet style.json; empty = district outlines only
    auth: str = "demo"  # demo (no login, a visible banner) | local (accounts file) | oidc (st.login)
    users_file: Path = Path.home() / ".config" / "lyg" / "users.json"  # outside the repository
    sql_row_cap: int = 5000
    sql_timeout_seconds: float = 5.0
    sql_memory_limit: str = "2GB"  # the DuckDB instance's bound (shared with the app's read-only queries)
    sql_result_mb: int = 20
    sql_concurrent: int = 2
    demo_tools: bool = False  # demo mode offers the SQL console and import only when asked for (a trusted laptop)
    public_url: str = ""  # the dashboard's address as readers reach it: the links in notifications
    webhooks: tuple[dict, ...] = ()  # [[webhooks]] name, kind (json | dingtalk | wecom), url, secret (DingTalk signing)
    extra: dict = field(default_factory=dict)


_ENV = {
    "LYG_DATA_DIR": ("data_dir", Path),
    "LYG_DB_PATH": ("db_path", Path),
    "LYG_LANGUAGE": ("language", str),
    "LYG_WALL_DWELL_SECONDS": ("wall_dwell_seconds", int),
    "LYG_WALL_REFRESH_SECONDS": ("wall_refresh_seconds", int),
    "LYG_BASEMAP_STYLE_URL": ("basemap_style_url", str),
    "LYG_AUTH": ("auth", str),
    "LYG_SQL_MEMORY_LIMIT": ("sql_memory_limit", str),
    "LYG_USERS_FILE": ("users_file", Path),
    "LYG_DEMO_TOOLS": ("demo_tools", lambda v: v.strip().lower() in ("1", "true", "yes", "on")),
    "LYG_PUBLIC_URL": ("public_url", str),
    "LYG_WEBHOOKS": ("webhooks", lambda v: tuple(json.loads(v))),  # a JSON list of the same tables, for secrets kept out of files
}

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def exposure_problem(settings: Settings, address: str | None) -> str | None:
    """Why serving on this address with these settings is unsafe, or None. Demo mode has no sign-in: anyone who can
    reach the server is let in, so it listens on this machine only. (An empty address means every interface.)"""
    if settings.auth == "demo" and (address or "") not in LOOPBACK:
        return (f"演示模式（未启用登录）只允许在本机地址上运行，而不是 {address or '所有网卡'}。"
                "请设置 LYG_AUTH=local（并用 python -m lyg user add 添加账户）或 LYG_AUTH=oidc 后再对外提供服务。")
    return None


def _from_toml(path: Path) -> dict:
    if not path.exists():
        return {}
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    known = {f for f in Settings.__dataclass_fields__ if f != "extra"}
    values = {}
    for key, value in raw.items():
        if key not in known:
            continue
        if key in ("data_dir", "db_path", "users_file"):
            value = (path.parent / value).resolve()
        if key in ("wall_panels", "webhooks"):
            value = tuple(value)
        values[key] = value
    return values


def load_settings(toml_path: Path | None = None) -> Settings:
    """Settings from lyg.toml (LYG_CONFIG or the project root) overridden by environment variables."""
    toml_path = toml_path or Path(os.environ.get("LYG_CONFIG", PROJECT_ROOT / "lyg.toml"))
    settings = replace(Settings(), **_from_toml(toml_path))
    for env, (name, cast) in _ENV.items():
        if os.environ.get(env):
            settings = replace(settings, **{name: cast(os.environ[env])})
    if settings.auth not in ("demo", "local", "oidc"):
        raise ValueError(f"auth 应为 demo、local 或 oidc，而不是 {settings.auth}")
    if os.environ.get("LYG_WALL_PANELS"):
        settings = replace(settings, wall_panels=tuple(os.environ["LYG_WALL_PANELS"].split(",")))
    return settings
