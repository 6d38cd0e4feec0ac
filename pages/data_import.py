"""数据导入: departments' files into the data sources, validated, all or nothing, with a log."""
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from lyg.i18n import render
from lyg.importer.cli import import_any
from lyg.importer.generic import DOMAIN_LABELS
from lyg.importer.readers import MAX_BYTES, ImportFileError
from lyg.importer.staging import import_log
from lyg.ui.context import context
from lyg.ui.layout import guarded, labelled, table_with_downloads
from lyg.ui.text import plain
from lyg.validate import ContractError

ctx = context("import")
with guarded(ctx):
    st.title(ctx.t("page.import"))
    st.caption(ctx.t("imp.help"))
    left, right = st.columns(2)
    domain = left.selectbox(ctx.t("imp.domain"), list(DOMAIN_LABELS), format_func=lambda d: ctx.tr.value(DOMAIN_LABELS[d]), key="imp-domain")
    upload = left.file_uploader(ctx.t("imp.file"), type=["csv", "xlsx", "geojson", "json", "zip", "gpkg"], key="imp-file")
    sheet = right.text_input(ctx.t("imp.sheet"), key="imp-sheet").strip() or None
    crs = right.text_input(ctx.t("imp.crs"), key="imp-crs").strip() or None
    gcj02 = right.checkbox(ctx.t("imp.gcj02"), key="imp-gcj02")
    user = right.text_input(ctx.t("imp.user"), value="analyst", key="imp-user")
    if st.button(ctx.t("imp.run"), type="primary", disabled=upload is None, key="imp-run"):
        bar = st.progress(0.0)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(upload.name).name
            path.write_bytes(upload.getvalue()[: MAX_BYTES + 1])
            try:
                result = import_any(domain, path, Path(ctx.settings.data_dir), Path(ctx.settings.db_path), user=user, sheet=sheet,
                                    crs=crs, gcj02=gcj02, progress=lambda f, text: bar.progress(f, text=plain(render(text, ctx.lang))))
                st.success(ctx.t("imp.ok", added=result.added, replaced=result.replaced))
            except ContractError as exc:
                st.error(ctx.t("imp.failed", n=len(exc.problems)))
                problems = pd.DataFrame([p.as_row(ctx.lang) for p in exc.problems])
                st.dataframe(labelled(ctx, problems, ["file", "row", "column", "value", "rule"]), hide_index=True, width="stretch")
            except ImportFileError as exc:
                st.error(ctx.t("imp.unreadable_because", reason=plain(render(exc.message, ctx.lang))))
    st.subheader(ctx.t("imp.log"))
    log = import_log(Path(ctx.settings.data_dir))
    if log.empty:
        st.caption(ctx.t("imp.no_log"))
    else:
        table_with_downloads(ctx, log, "import_log", key="imp-log")
