"""烟花爆竹禁放 (temporary until the page lands)."""
from lyg.ui.context import context
from lyg.ui.preview import table_preview_page

table_preview_page(context(), "page.fireworks", "fireworks", ["fw_notices", "fw_zones", "fw_incidents"])
