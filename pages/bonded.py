"""综合保税区: the domain's loaded tables until its analysis lands."""
from lyg.ui.context import context
from lyg.ui.preview import table_preview_page

table_preview_page(context(), "page.bonded", "bonded", ["bz_targets", "bz_monthly", "bz_blocks", "bz_facilities", "bz_enterprises"])
