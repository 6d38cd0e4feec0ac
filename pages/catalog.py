"""大数据资源目录: the domain's loaded tables until its analysis lands."""
from lyg.ui.context import context
from lyg.ui.preview import table_preview_page

table_preview_page(context(), "page.catalog", "catalog", ["cat_entries", "cat_items", "cat_departments"])
