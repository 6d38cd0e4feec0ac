"""Where a domain's headline, alert or source list opens: the one place that knows the page files."""
from __future__ import annotations

DOMAIN_PAGES = {"overview": "pages/overview.py", "fireworks": "pages/fireworks.py", "bonded": "pages/bonded.py",
                "catalog": "pages/catalog.py", "digital": "pages/digital.py", "legislation": "pages/legislation.py"}
SOURCES_PAGE = "pages/sources.py"


def page_of(domain: str) -> str:
    return DOMAIN_PAGES[domain]
