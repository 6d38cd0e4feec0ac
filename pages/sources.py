"""数据来源: for any page, the tables it reads, their rows by provenance, the source files with sha256, the build
time, and what is assumed, approximate or extrapolated: "is this real?" answered in one click."""
import streamlit as st

from lyg import provenance
from lyg.ui import urlstate
from lyg.ui.context import context
from lyg.ui.layout import guarded, labelled, table_with_downloads

SOURCE_COLUMNS = ["label", "file", "rows", "rows_real", "rows_illustrative", "rows_derived", "sha256"]
ctx = context("sources")
with guarded(ctx):
    st.title(ctx.t("page.sources"))
    domain = urlstate.select(ctx.t("src.for"), list(provenance.DOMAIN_TABLES), "for", container=st.columns(3)[0], format_func=lambda d: ctx.t(f"page.{d}"))
    built = provenance.built_at(ctx.db)
    if built:
        st.caption(ctx.t("src.built", time=f"{built:%Y-%m-%d %H:%M}"))
    tables = provenance.sources(ctx.db, domain)
    sample = int(tables["rows_illustrative"].sum())
    st.markdown(ctx.t("src.summary", tables=len(tables), real=int(tables["rows_real"].sum()), sample=sample,
                      derived=int(tables["rows_derived"].sum()), verdict=ctx.t("src.has_sample") if sample else ctx.t("src.all_real")))
    st.subheader(ctx.t("src.tables"))
    shown = ctx.tr.frame(tables, "label")
    table_with_downloads(ctx, labelled(ctx, shown, SOURCE_COLUMNS), f"sources_{domain}", key="src-tables")
    caveats = provenance.caveats(ctx.db, domain, ctx.tr)
    if caveats:
        st.subheader(ctx.t("src.caveats"))
        for line in caveats:
            st.text("· " + line)
    st.caption(ctx.t("src.readme"))
