"""数字政府建设: the domain's loaded tables until its analysis lands."""
from lyg.ui.context import context
from lyg.ui.preview import table_preview_page

table_preview_page(context(), "page.digital", "digital", ["dg_components", "dg_systems", "dg_projects", "dg_progress", "dg_indicators"])
