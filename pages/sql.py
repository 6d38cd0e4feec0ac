"""SQL 查询: a read-only console for analysts, with the schema from the data contracts."""
from pathlib import Path

import streamlit as st

from lyg.i18n import render
from lyg.sqlconsole import Limits, QueryRefused, open_console, run_query, schema
from lyg.ui.context import context
from lyg.ui.layout import guarded, labelled, table_with_downloads
from lyg.ui.text import plain

ctx = context("sql")
with guarded(ctx):
    st.title(ctx.t("page.sql"))
    st.caption(ctx.t("sql.rules"))
    query_col, schema_col = st.columns([3, 2])
    with schema_col:
        st.subheader(ctx.t("sql.schema"))
        columns = schema()
        labels = dict(zip(columns["table"], columns["table_label"]))
        table = st.selectbox(ctx.t("sql.table"), list(labels), key="sql-table",
                             format_func=lambda t: ctx.t("sql.table_option", table=t, label=ctx.tr.value(labels[t])))
        shown = ["column", "type", "unit", "description", "derived"]
        st.dataframe(labelled(ctx, columns[columns["table"] == table], shown, ("unit", "description")), hide_index=True, width="stretch",
                     height=420)
    with query_col:
        linked = st.query_params.get("sql")
        sql = st.text_area(ctx.t("sql.query"), value=linked or ctx.t("sql.example"), height=200, key="sql-text")
        note = st.empty()
        pressed = st.button(ctx.t("sql.run"), type="primary", key="sql-run")
        if linked and not pressed and not st.session_state.get("sql-ran"):
            note.info(ctx.t("sql.from_link"))  # a link shows its query; only the analyst's click runs it
        if pressed:
            st.session_state["sql-ran"] = True
            st.query_params["sql"] = sql
            settings = ctx.settings
            limits = Limits(rows=settings.sql_row_cap, seconds=settings.sql_timeout_seconds, result_bytes=settings.sql_result_mb * 1_000_000,
                            memory=settings.sql_memory_limit, concurrent=settings.sql_concurrent)
            try:
                con = open_console(Path(settings.db_path), limits)
                try:
                    result = run_query(con, sql, limits)
                finally:
                    con.close()
                st.caption(ctx.t("sql.rows", n=len(result.frame), s=result.seconds))
                if result.truncated_by_bytes:
                    st.warning(ctx.t("sql.truncated_bytes", mb=settings.sql_result_mb, n=len(result.frame)))
                elif result.truncated:
                    st.warning(ctx.t("sql.truncated", cap=settings.sql_row_cap))
                table_with_downloads(ctx, result.frame, "query", key="sql-result", height=420)
            except QueryRefused as exc:
                st.error(plain(render(exc.message, ctx.lang)))
