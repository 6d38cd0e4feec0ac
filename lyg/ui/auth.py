"""Who is using the app: demo mode, local accounts, single sign-on (st.login), or the wall's token."""
from __future__ import annotations

import logging

import streamlit as st

from lyg import i18n
from lyg.auth.accounts import AuthError, Identity, role_of_email, verify, verify_wall_token
from lyg.config import Settings
from lyg.ui.text import plain

log = logging.getLogger("lyg.auth")
DEMO_ROLES = ("admin", "analyst", "leader")


def identity(settings: Settings) -> Identity | None:
    """The signed-in identity, or None when a login is needed. A wall token in the URL grants the wall role only."""
    token = st.query_params.get("token")
    if token and st.session_state.get("identity-token") != token:
        try:
            st.session_state["identity"] = verify_wall_token(settings.users_file, token)
            st.session_state["identity-token"] = token
        except AuthError:
            log.warning("wall token refused")  # never the token itself
            st.session_state.pop("identity", None)
            return None
    if "identity" in st.session_state:
        return st.session_state["identity"]
    if settings.auth == "demo":
        return Identity("演示用户", demo_role(), demo=True)
    if settings.auth == "oidc" and getattr(st.user, "is_logged_in", False):
        role = role_of_email(settings.users_file, st.user.get("email", "")) or "leader"
        return Identity(st.user.get("name") or st.user.get("email", ""), role)
    return None


def demo_role() -> str:
    """The role a demo visitor previews: kept as a role key apart from the widget, whose label changes with the language
    (a widget keyed across languages once handed back its label, 管理员, instead of the key)."""
    role = st.session_state.get("demo-role-value", "admin")
    return role if role in DEMO_ROLES else "admin"


def _remember_demo_role(widget_key: str) -> None:
    chosen = st.session_state.get(widget_key)
    if chosen in DEMO_ROLES:
        st.session_state["demo-role-value"] = chosen


def login_form(settings: Settings, lang: str) -> None:
    st.title(i18n.t("auth.title", lang))
    if st.query_params.get("token"):
        st.error(i18n.t("auth.bad_token", lang))
        return
    if settings.auth == "oidc":
        st.button(i18n.t("auth.sso", lang), on_click=st.login, type="primary", key="login-sso")
        return
    with st.form("login"):
        name = st.text_input(i18n.t("auth.user", lang), key="login-user")
        password = st.text_input(i18n.t("auth.password", lang), type="password", key="login-password")
        submitted = st.form_submit_button(i18n.t("auth.login", lang), type="primary")
    if submitted:
        try:
            st.session_state["identity"] = verify(settings.users_file, name.strip(), password)
            log.info("login: %s", name.strip())
            st.rerun()
        except AuthError as exc:
            log.warning("login refused for %s", name.strip())
            st.error(plain(i18n.render(exc.message, lang)))


def sidebar_identity(who: Identity, settings: Settings, lang: str) -> None:
    if who.demo:
        widget = f"demo-role-{lang}"  # one widget per language: its labels never change under it
        st.session_state[widget] = who.role
        st.sidebar.selectbox(i18n.t("auth.demo_role", lang), DEMO_ROLES, format_func=lambda r: i18n.t(f"role.{r}", lang), key=widget,
                             on_change=_remember_demo_role, args=(widget,))
        st.sidebar.caption(i18n.t("auth.demo_note", lang))
        return
    st.sidebar.markdown(i18n.t("auth.who", lang, name=plain(who.name), role=i18n.t(f"role.{who.role}", lang)))
    if st.sidebar.button(i18n.t("auth.logout", lang), key="logout"):
        st.session_state.pop("identity", None)
        if settings.auth == "oidc":
            st.logout()
        st.rerun()
