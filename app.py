"""Entry point: page config, the page list, run. Nothing else."""
from pathlib import Path

import streamlit as st

from lyg.i18n import t
from lyg.ui.context import current_language

st.set_page_config(page_title="连云港城市大脑态势感知", page_icon=str(Path(__file__).parent / "lyg/ui/assets/favicon.png"), layout="wide")
lang = current_language()
PAGES = [
    st.Page("pages/overview.py", title=t("page.overview", lang), icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/fireworks.py", title=t("page.fireworks", lang), icon=":material/local_fire_department:", url_path="fireworks"),
    st.Page("pages/bonded.py", title=t("page.bonded", lang), icon=":material/directions_boat:", url_path="bonded"),
    st.Page("pages/catalog.py", title=t("page.catalog", lang), icon=":material/folder_open:", url_path="catalog"),
    st.Page("pages/digital.py", title=t("page.digital", lang), icon=":material/account_balance:", url_path="digital"),
    st.Page("pages/legislation.py", title=t("page.legislation", lang), icon=":material/gavel:", url_path="legislation"),
]
st.navigation({t("nav.dashboards", lang): PAGES}).run()
