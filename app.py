"""Entry point: page config, the page list (the wall gets only its own page), run. Nothing else."""
from pathlib import Path

import streamlit as st

from lyg.i18n import t
from lyg.ui.context import current_language
from lyg.ui.wall import chrome as wall_chrome

ICON = str(Path(__file__).parent / "lyg/ui/assets/favicon.png")
wall_mode = st.query_params.get("wall") == "1"
st.set_page_config(page_title="连云港城市大脑态势感知", page_icon=ICON, layout="wide",
                   initial_sidebar_state="collapsed" if wall_mode else "auto")
lang = current_language()
WALL = st.Page("pages/wall.py", title=t("page.wall", lang), icon=":material/tv:", url_path="wall", default=wall_mode)
PAGES = [
    st.Page("pages/overview.py", title=t("page.overview", lang), icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/fireworks.py", title=t("page.fireworks", lang), icon=":material/local_fire_department:", url_path="fireworks"),
    st.Page("pages/bonded.py", title=t("page.bonded", lang), icon=":material/directions_boat:", url_path="bonded"),
    st.Page("pages/catalog.py", title=t("page.catalog", lang), icon=":material/folder_open:", url_path="catalog"),
    st.Page("pages/digital.py", title=t("page.digital", lang), icon=":material/account_balance:", url_path="digital"),
    st.Page("pages/legislation.py", title=t("page.legislation", lang), icon=":material/gavel:", url_path="legislation"),
]
TOOLS = [
    st.Page("pages/sql.py", title=t("page.sql", lang), icon=":material/terminal:", url_path="sql"),
    st.Page("pages/data_import.py", title=t("page.import", lang), icon=":material/upload_file:", url_path="import"),
]
if wall_mode:
    page = st.navigation([WALL], position="hidden")
else:
    page = st.navigation({t("nav.dashboards", lang): PAGES, t("nav.tools", lang): TOOLS, t("page.wall", lang): [WALL]})
if wall_mode or page.url_path == "wall":
    wall_chrome()
page.run()
