"""SQL 查询: a read-only console for analysts, with the schema from the data contracts."""
from pathlib import Path

import streamlit as st

from lyg.sqlconsole import QueryRefused, open_console, run_query, schema
from lyg.ui.context import context
from lyg.ui.layout import guarded, plain, table_with_downloads

EXAMPLE = "SELECT u.name AS 县区, count(*) AS 事件数\nFROM fw_incidents f JOIN units u ON u.code = f.district_code\nGROUP BY ALL ORDER BY 事件数 DESC"
ctx = context("sql")
with guarded(ctx):
    st.title(ctx.t("page.sql"))
    st.caption(ctx.t("sql.rules"))
    query_col, schema_col = st.columns([3, 2])
    with schema_col:
        st.subheader(ctx.t("sql.schema"))
        columns = schema()
        table = st.selectbox(ctx.t("sql.table"), list(dict.fromkeys(columns["表"])), key="sql-table",
                             format_func=lambda t: f"{t}（{columns[columns['表'] == t]['表说明'].iat[0]}）")
        st.dataframe(columns[columns["表"] == table].drop(columns=["表", "表说明"]), hide_index=True, width="stretch", height=420)
    with query_col:
        sql = st.text_area(ctx.t("sql.query"), value=st.query_params.get("sql", EXAMPLE), height=200, key="sql-text")
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
