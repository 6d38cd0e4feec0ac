"""Settings: defaults, then lyg.toml, then LYG_* environment variables; bad values refused."""
from __future__ import annotations

from pathlib import Path

import pytest

from lyg.config import Settings, load_settings


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("LYG_DATA_DIR", "LYG_DB_PATH", "LYG_LANGUAGE", "LYG_WALL_DWELL_SECONDS", "LYG_WALL_REFRESH_SECONDS", "LYG_AUTH",
                 "LYG_SQL_MEMORY_LIMIT", "LYG_DEMO_TOOLS", "LYG_WALL_PANELS", "LYG_USERS_FILE", "LYG_BASEMAP_STYLE_URL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults_without_a_file(clean_env, tmp_path):
    settings = load_settings(tmp_path / "absent.toml")
    assert settings == Settings()
    assert settings.auth == "demo" and not settings.demo_tools and settings.sql_memory_limit == "2GB"


def test_the_file_then_the_environment(clean_env, tmp_path):
    toml = tmp_path / "lyg.toml"
    toml.write_text('data_dir = "city-data"\nwall_panels = ["bonded", "catalog"]\nsql_row_cap = 100\nlanguage = "en"\n', encoding="utf-8")
    settings = load_settings(toml)
    assert settings.data_dir == (tmp_path / "city-data").resolve()  # relative to the file
    assert settings.wall_panels == ("bonded", "catalog") and settings.sql_row_cap == 100 and settings.language == "en"
    clean_env.setenv("LYG_LANGUAGE", "zh")
    clean_env.setenv("LYG_WALL_DWELL_SECONDS", "12")
    clean_env.setenv("LYG_DEMO_TOOLS", "yes")
    clean_env.setenv("LYG_WALL_PANELS", "overview")
    settings = load_settings(toml)
    assert settings.language == "zh" and settings.wall_dwell_seconds == 12 and settings.demo_tools
    assert settings.wall_panels == ("overview",)
    clean_env.setenv("LYG_DEMO_TOOLS", "0")
    assert not load_settings(toml).demo_tools


def test_unknown_keys_are_ignored_and_a_bad_auth_refused(clean_env, tmp_path):
    toml = tmp_path / "lyg.toml"
    toml.write_text('colour = "red"\nauth = "local"\n', encoding="utf-8")
    assert load_settings(toml).auth == "local"
    clean_env.setenv("LYG_AUTH", "open")
    with pytest.raises(ValueError, match="auth"):
        load_settings(toml)


def test_paths_from_the_environment_are_paths(clean_env, tmp_path):
    clean_env.setenv("LYG_DB_PATH", str(tmp_path / "x.duckdb"))
    assert load_settings(tmp_path / "absent.toml").db_path == Path(tmp_path / "x.duckdb")


def test_the_default_playlist_is_every_panel(tmp_path, monkeypatch):
    from lyg.config import Settings
    from lyg.wall import PANEL_TITLES, playlist
    assert playlist(Settings().wall_panels) == list(PANEL_TITLES)
    assert "legislation" in Settings().wall_panels
