"""Entry point: page config, who is signed in, the pages that role may open, run. Nothing else."""
from pathlib import Path

import streamlit as st

from lyg.auth.roles import pages_for
from lyg.config import exposure_problem, load_settings
from lyg.i18n import t
from lyg.ui import auth
from lyg.ui.context import current_language
from lyg.ui.wall import chrome as wall_chrome

ICON = str(Path(__file__).parent / "lyg/ui/assets/favicon.png")
wall_mode = st.query_params.get("wall") == "1"
st.set_page_config(page_title="连云港城市大脑态势感知", page_icon=ICON, layout="wide",
                   initial_sidebar_state="collapsed" if wall_mode else "auto")
lang, settings = current_language(), load_settings()
if problem := exposure_problem(settings, st.get_option("server.address")):
    st.error(problem)  # started by hand on a network address without sign-in: serve nobody
    st.stop()
who = auth.identity(settings)


def page(key: str, icon: str, default: bool = False) -> st.Page:
    # the file is named as its URL: a fresh server's first request for /<key> is resolved by file name (see
    # lyg.ui.context.leave_legacy_pages_mode), and a name that differs answers "Page not found"
    return st.Page(f"pages/{key}.py", title=t(f"page.{key}", lang), icon=icon, url_path=key, default=default)


SECTIONS = {
    t("nav.dashboards", lang): [page("overview", ":material/dashboard:", default=True), page("fireworks", ":material/local_fire_department:"),
                                page("bonded", ":material/directions_boat:"), page("catalog", ":material/folder_open:"),
                                page("digital", ":material/account_balance:"), page("legislation", ":material/gavel:"),
                                page("sources", ":material/fact_check:")],
    t("nav.tools", lang): [page("sql", ":material/terminal:"), page("import", ":material/upload_file:")],
    t("page.wall", lang): [page("wall", ":material/tv:")],
}
if who is None:
    current = st.navigation([st.Page(lambda: auth.login_form(settings, lang), title=t("auth.login", lang), url_path="login")],
                            position="hidden")
elif wall_mode or who.role == "wall":
    current = st.navigation([page("wall", ":material/tv:", default=True)], position="hidden")
else:
    may = pages_for(who.role, who.demo, settings.demo_tools)
    allowed = {name: [p for p in pages if p.url_path in may or p.url_path == ""]
               for name, pages in SECTIONS.items()}
    current = st.navigation({name: pages for name, pages in allowed.items() if pages})
    auth.sidebar_identity(who, settings, lang)
if who is not None and (wall_mode or who.role == "wall" or current.url_path == "wall"):
    wall_chrome()
current.run()
