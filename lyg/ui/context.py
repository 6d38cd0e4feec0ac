"""The per-run context a page needs: the database, the language, the translator."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from lyg import i18n
from lyg.auth import roles
from lyg.auth.accounts import Identity
from lyg.build import ensure_built
from lyg.config import Settings, load_settings
from lyg.db import Database
from lyg.ui import auth
from lyg.ui.sidebar import language_switch
from lyg.ui.text import plain
from lyg.validate import ContractError

log = logging.getLogger("lyg")


@dataclass(frozen=True)
class PageContext:
    db: Database
    lang: str
    settings: Settings
    identity: Identity
    reads_incidents: bool = True  # the page shows incidents: an ingested batch renews its shared figures (lyg.ui.shared)

    def t(self, key: str, **fmt) -> str:
        return i18n.t(key, self.lang, **fmt)

    @property
    def tr(self) -> i18n.Translator:
        """The translator handed to figure and text builders in lyg/."""
        return i18n.translator(self.lang)


@st.cache_resource(show_spinner=False)
def _database(data_dir: str, db_path: str) -> Database:
    return Database(Path(db_path))


def database(settings: Settings, who: Identity | None = None) -> Database:
    """The shared Database; builds it first when it is missing or older than data/. While data/ holds a file the
    build refuses, the last good database is served and administrators see the findings."""
    db_path = Path(settings.db_path)
    try:
        ensure_built(Path(settings.data_dir), db_path)
    except ContractError as exc:
        if not db_path.exists():
            st.error(i18n.t("app.build_failed_none", current_language()) + "\n\n" + plain(exc))
            st.stop()
        if who is not None and who.role == "admin":
            with st.expander(i18n.t("app.build_failed", current_language()), icon=":material/error:", expanded=False):
                st.text(str(exc))  # the findings name files, rows and values: shown as written
    return _database(str(settings.data_dir), str(settings.db_path))


def current_language() -> str:
    """The reader's language: from the URL, else this session's choice, else the deployment's default. It is kept in
    the session and written back to the URL (a page switch clears the URL's parameters), so a copied link and the next
    click keep it."""
    asked = st.query_params.get("lang")
    default = load_settings().language
    lang = asked or st.session_state.get("lang") or default
    lang = lang if lang in i18n.LANGUAGES else "zh"
    st.session_state["lang"] = lang
    if asked != lang and (asked or lang != default):
        st.query_params["lang"] = lang
    return lang


def leave_legacy_pages_mode() -> None:
    """Make Streamlit use app.py's st.navigation even when a fresh server's first visit is a deep link.

    With a pages/ folder beside app.py, Streamlit starts in its legacy multipage mode and, for a first
    request to /fireworks, runs pages/fireworks.py alone (file-name navigation, no app.py). The mode
    is a process-wide flag that st.navigation clears; clearing it here and rerunning sends this run
    through app.py too.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without the legacy mode
        return
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


INCIDENT_PAGES = {"overview", "fireworks", "wall", "sources", "sql", "import"}  # pages whose figures read the incidents


def context(page: str) -> PageContext:
    """Everything a page needs, after checking (again: a URL can be typed) that this role may open it."""
    leave_legacy_pages_mode()
    settings = load_settings()
    lang = current_language()
    who = auth.identity(settings)
    if who is None or not roles.may_open(who.role, page, who.demo, settings.demo_tools):
        st.error(i18n.t("auth.refused", lang, role=i18n.t(f"role.{who.role}", lang) if who and who.role in roles.ROLE_PAGES else "—"))
        st.stop()
    if page != "wall":
        language_switch(lang)
        if who.demo:
            st.caption(":orange-badge[" + i18n.t("auth.demo_banner", lang) + "]")
    return PageContext(database(settings, who), lang, settings, who, page in INCIDENT_PAGES)


def as_of_text(day, lang: str) -> str:
    day = pd.Timestamp(day)
    text = f"{day.year}年{day.month}月{day.day}日" if lang == "zh" else day.strftime("%Y-%m-%d")
    return i18n.t("app.as_of", lang, date=text)
