"""数据导入: departments' files into the data sources. A file is first checked and previewed (rows, errors, values read
another way); only the administrator's confirmation writes it, all or nothing, with a log."""
import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from lyg.deltas import source_status
from lyg.i18n import render
from lyg.importer.cli import import_any
from lyg.importer.generic import DOMAIN_LABELS
from lyg.importer.readers import MAX_BYTES, ImportFileError
from lyg.importer.staging import import_log
from lyg.importer.template import TEMPLATE_DOMAINS, template_bytes
from lyg.ui.context import context
from lyg.ui.layout import for_display, guarded, labelled, table_with_downloads
from lyg.ui.text import plain
from lyg.validate import ContractError

PREVIEW_ROWS = 20


def run_import(ctx, options: dict, upload, *, dry_run: bool, bar=None):
    """The importer on a temporary copy of the upload; ContractError and ImportFileError are shown, never raised."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(upload.name).name
        path.write_bytes(upload.getvalue()[: MAX_BYTES + 1])
        progress = (lambda f, text: bar.progress(f, text=plain(render(text, ctx.lang)))) if bar else None
        try:
            return import_any(options["domain"], path, Path(ctx.settings.data_dir), Path(ctx.settings.db_path), user=options["user"],
                              sheet=options["sheet"], crs=options["crs"], gcj02=options["gcj02"], progress=progress, dry_run=dry_run)
        except ContractError as exc:
            st.error(ctx.t("imp.failed", n=len(exc.problems)))
            problems = pd.DataFrame([p.as_row(ctx.lang) for p in exc.problems])
            st.dataframe(labelled(ctx, problems, ["file", "row", "column", "value", "rule"]), hide_index=True, width="stretch")
        except ImportFileError as exc:
            st.error(ctx.t("imp.unreadable_because", reason=plain(render(exc.message, ctx.lang))))
    return None


def show_warnings(ctx, result) -> None:
    if result.warnings:
        st.warning(ctx.t("imp.warnings", n=len(result.warnings)))
        rows = pd.DataFrame([w.as_row(ctx.lang) for w in result.warnings])
        st.dataframe(labelled(ctx, rows, ["row", "column", "original", "normalised"]), hide_index=True, width="stretch")


ctx = context("import")
with guarded(ctx):
    st.title(ctx.t("page.import"))
    st.caption(ctx.t("imp.help"))
    left, right = st.columns(2)
    options = {"domain": left.selectbox(ctx.t("imp.domain"), list(DOMAIN_LABELS), format_func=lambda d: ctx.tr.value(DOMAIN_LABELS[d]),
                                        key="imp-domain")}
    if options["domain"] in TEMPLATE_DOMAINS:  # built on click: nothing is generated for a page view
        left.download_button(ctx.t("imp.template"), lambda: template_bytes(options["domain"], Path(ctx.settings.data_dir)),
                             f"{options['domain']}_模板.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             key="imp-template", on_click="ignore", help=ctx.t("imp.template_help"))
    else:
        left.caption(ctx.t("imp.no_template"))
    upload = left.file_uploader(ctx.t("imp.file"), type=["csv", "xlsx", "geojson", "json", "zip", "gpkg"], key="imp-file")
    options.update(sheet=right.text_input(ctx.t("imp.sheet"), key="imp-sheet").strip() or None,
                   crs=right.text_input(ctx.t("imp.crs"), key="imp-crs").strip() or None,
                   gcj02=right.checkbox(ctx.t("imp.gcj02"), key="imp-gcj02"),
                   user=right.text_input(ctx.t("imp.user"), value="analyst", key="imp-user"))
    # what was checked: the file's bytes and every option; any change asks for a new check before the import
    checked_as = hashlib.sha256(upload.getvalue() + repr(sorted(options.items())).encode()).hexdigest() if upload else None
    if st.button(ctx.t("imp.check"), disabled=upload is None, key="imp-check"):
        preview = run_import(ctx, options, upload, dry_run=True)
        st.session_state["imp-checked"] = checked_as if preview else None
        if preview:
            st.info(ctx.t("imp.preview", added=preview.added, replaced=preview.replaced, departments=preview.new_departments))
            show_warnings(ctx, preview)
            if preview.preview is not None:
                st.dataframe(for_display(preview.preview.head(PREVIEW_ROWS)), hide_index=True, width="stretch")
    ready = upload is not None and st.session_state.get("imp-checked") == checked_as
    if st.button(ctx.t("imp.run"), type="primary", disabled=not ready, key="imp-run", help=None if ready else ctx.t("imp.check_first")):
        result = run_import(ctx, options, upload, dry_run=False, bar=st.progress(0.0))
        st.session_state["imp-checked"] = None
        if result:
            st.success(ctx.t("imp.ok", added=result.added, replaced=result.replaced))
            show_warnings(ctx, result)
    status = source_status(Path(ctx.settings.db_path))
    if not status.empty:
        st.subheader(ctx.t("imp.sources"))
        st.caption(ctx.t("imp.sources_help"))
        st.dataframe(for_display(labelled(ctx, status, list(status.columns))), hide_index=True, width="stretch")
    st.subheader(ctx.t("imp.log"))
    log = import_log(Path(ctx.settings.data_dir))
    if log.empty:
        st.caption(ctx.t("imp.no_log"))
    else:
        table_with_downloads(ctx, log, "import_log", key="imp-log")
