"""SQL 查询: a read-only console for analysts, with the schema from the data contracts."""
from pathlib import Path

import streamlit as st

from lyg.sqlconsole import QueryRefused, open_console, run_query, schema
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
        sql = st.text_area(ctx.t("sql.query"), value=st.query_params.get("sql", ctx.t("sql.example")), height=200, key="sql-text")
        if st.button(ctx.t("sql.run"), type="primary", key="sql-run") or "sql" in st.query_params:
            st.query_params["sql"] = sql
            con = open_console(Path(ctx.settings.db_path))
            try:
                result = run_query(con, sql, ctx.settings.sql_row_cap, ctx.settings.sql_timeout_seconds)
                st.caption(ctx.t("sql.rows", n=len(result.frame), s=result.seconds))
                if result.truncated:
                    st.warning(ctx.t("sql.truncated", cap=ctx.settings.sql_row_cap))
                table_with_downloads(ctx, result.frame, "query", key="sql-result", height=420)
            except QueryRefused as exc:
                st.error(plain(str(exc)))
            finally:
                con.close()
