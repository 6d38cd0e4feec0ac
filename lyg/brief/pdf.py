"""The brief as PDF: one self-contained HTML page (charts inline, fonts cut to its characters) printed by Chromium."""
from __future__ import annotations

import base64
import html
import re

from lyg.brief.chromium import print_pdf
from lyg.brief.compose import Brief
from lyg.brief.fonts import font_faces_css
from lyg.brief.write import more_alerts, rows, sections
from lyg.i18n import translator
from lyg.status import STATUS_HEX


def to_pdf(brief: Brief, pictures: list[bytes]) -> bytes:
    return print_pdf(to_html(brief, pictures))


HTML_STYLE = """
@page { size: A4; margin: 20mm 18mm; }
body { font-family: LygSerif, "Noto Serif CJK SC", serif; font-weight: 400; font-size: 11pt; color: #0f172a; }
h1 { font-family: LygSans, "Noto Sans CJK SC", sans-serif; font-weight: 700; text-align: center; font-size: 20pt; margin: 0 0 4pt; }
.stamp { text-align: center; margin-bottom: 10pt; }
h2 { font-family: LygSans, "Noto Sans CJK SC", sans-serif; font-weight: 700; font-size: 13pt; margin: 12pt 0 6pt; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #64748b; padding: 3pt 5pt; vertical-align: top; }
th { background: #e2e8f0; font-family: LygSans, "Noto Sans CJK SC", sans-serif; font-weight: 700; white-space: nowrap; }
table.figures td:nth-child(2), table.figures td:nth-child(4), table.figures td:nth-child(5),
table.alerts td:nth-child(1), table.alerts td:nth-child(3) { white-space: nowrap; }
img { width: 88%; display: block; margin: 0 auto; } figure { margin: 6pt 0; break-inside: avoid; } figcaption, .note { font-size: 9pt; color: #334155; }
"""


def to_html(brief: Brief, pictures: list[bytes]) -> str:
    """The brief as one self-contained page: charts inline, nothing fetched."""
    tr, esc = translator(brief.lang), html.escape
    head_cols, heads, alert_cols, found = rows(brief)
    figures, alerts_title, charts_title, notes_title = sections(brief)
    status_cells = [f" style='color:{STATUS_HEX[h.status]};font-weight:700'" for h in brief.headlines]

    def table(header, cells, styles=None, status_col=None, kind="alerts"):
        body = "".join("<tr>" + "".join(f"<td{styles[i] if styles and j == status_col else ''}>{esc(v)}</td>"
                                        for j, v in enumerate(row)) + "</tr>" for i, row in enumerate(cells))
        return f"<table class='{kind}'><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + f"</tr>{body}</table>"

    charts = "".join(f"<figure><img src='data:image/png;base64,{base64.b64encode(p).decode()}'><figcaption>{esc(c.caption)}"
                     "</figcaption></figure>" for c, p in zip(brief.charts, pictures))
    alert_block = (table(alert_cols, found) + f"<p class='note'>{esc(more_alerts(brief))}</p>" if found
                   else f"<p>{esc(tr('overview.no_alerts'))}</p>")
    body = (f"<h1>{esc(brief.title)}</h1>"
            f"<div class='stamp'>{esc(tr('app.as_of', date=f'{brief.as_of:%Y-%m-%d}'))}</div>"
            f"<h2>{esc(figures)}</h2>{table(head_cols, heads, status_cells, 3, 'figures')}<h2>{esc(alerts_title)}</h2>{alert_block}"
            f"<h2>{esc(charts_title)}</h2>{charts}<h2>{esc(notes_title)}</h2>"
            + "".join(f"<p class='note'>{esc(n)}</p>" for n in brief.notes))
    faces = font_faces_css(html.unescape(re.sub(r"<[^>]+>", "", body)))  # the characters the page shows, nothing more
    return (f"<!doctype html><html lang='{brief.lang}'><head><meta charset='utf-8'><title>{esc(brief.title)}</title>"
            f"<style>{faces}\n{HTML_STYLE}</style></head><body>{body}</body></html>")
