"""公众参与政府立法: the domain's loaded tables until its analysis lands."""
from lyg.ui.context import context
from lyg.ui.preview import table_preview_page

table_preview_page(context(), "page.legislation", "legislation", ["leg_projects", "leg_events"])
