"""A composed brief as .docx (python-docx) or PDF (HTML printed by the local Chromium), in the official layout:
title, 数据截至, 一、关键指标 (against target, with status), 二、预警提示 (most severe first), 三、图表, 四、数据说明."""
from __future__ import annotations

import base64
import html
import io
import re

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lyg.brief.charts import charts_png
from lyg.brief.chromium import print_pdf
from lyg.brief.compose import Brief
from lyg.brief.fonts import font_faces_css
from lyg.i18n import translator
from lyg.status import STATUS_HEX

FORMATS = ("docx", "pdf")
ALERTS_SHOWN = 8  # the most severe; the rest are counted, so the brief stays within two pages
BODY_FONT, TITLE_FONT = "仿宋", "黑体"  # the official pair; Word substitutes where they are missing


def render(brief: Brief, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"格式应为 {' 或 '.join(FORMATS)}，而不是 {fmt}")
    pictures = charts_png([c.figure for c in brief.charts])
    return to_docx(brief, pictures) if fmt == "docx" else print_pdf(to_html(brief, pictures))


def rows(brief: Brief) -> tuple[list[str], list[list[str]], list[str], list[list[str]]]:
    """The two tables (headers and cells) both formats print: headline figures, then alerts."""
    tr = translator(brief.lang)
    sample = tr("mark.sample")
    head_cols = [tr(f"brief.col_{c}") for c in ("figure", "value", "target", "status", "as_of")]
    heads = [[h.title + (f"（{sample}）" if h.illustrative else ""), h.value, h.comparison, h.status_text, f"{h.as_of:%Y-%m-%d}"]
             for h in brief.headlines]
    alert_cols = [tr(f"brief.col_{c}") for c in ("severity", "alert", "scope")]
    found = [[tr(a.severity_key), a.text + (f"（{sample}）" if a.illustrative else ""),
              brief.where if a.district else tr("overview.city_wide")] for a in brief.alerts[:ALERTS_SHOWN]]
    return head_cols, heads, alert_cols, found


def more_alerts(brief: Brief) -> str:
    """The line under the alerts table when some were left out, or ''."""
    left = len(brief.alerts) - ALERTS_SHOWN
    return translator(brief.lang)("brief.more_alerts", n=left) if left > 0 else ""


def _sections(brief: Brief) -> list[str]:
    tr = translator(brief.lang)
    return [tr(f"brief.section_{s}") for s in ("figures", "alerts", "charts", "notes")]


def _font(run, name: str, size: float, bold: bool = False, colour: str | None = None) -> None:
    run.font.name, run.font.size, run.font.bold = name, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)  # CJK text takes the East Asian font
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())


def to_docx(brief: Brief, pictures: list[bytes]) -> bytes:
    tr, doc = translator(brief.lang), Document()
    for section in doc.sections:
        section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Cm(2.5), Cm(2.2), Cm(2.2), Cm(2.2)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(brief.title), TITLE_FONT, 20, bold=True)
    stamp = doc.add_paragraph()
    stamp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(stamp.add_run(tr("app.as_of", date=f"{brief.as_of:%Y-%m-%d}")), BODY_FONT, 12)
    head_cols, heads, alert_cols, found = rows(brief)
    figures, alerts_title, charts_title, notes_title = _sections(brief)
    _heading(doc, figures)
    _table(doc, head_cols, heads, status_col=3, statuses=[h.status for h in brief.headlines])
    _heading(doc, alerts_title)
    if found:
        _table(doc, alert_cols, found)
        if more_alerts(brief):
            _font(doc.add_paragraph().add_run(more_alerts(brief)), BODY_FONT, 10.5)
    else:
        _font(doc.add_paragraph().add_run(tr("overview.no_alerts")), BODY_FONT, 12)
    _heading(doc, charts_title)
    for chart, picture in zip(brief.charts, pictures):
        doc.add_picture(io.BytesIO(picture), width=Cm(16))
        _font(doc.add_paragraph().add_run(chart.caption), BODY_FONT, 10)
    _heading(doc, notes_title)
    for note in brief.notes:
        _font(doc.add_paragraph().add_run(note), BODY_FONT, 10.5)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _heading(doc, text: str) -> None:
    _font(doc.add_paragraph().add_run(text), TITLE_FONT, 14, bold=True)


def _table(doc, header: list[str], cells: list[list[str]], status_col: int | None = None, statuses: list[str] = ()) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style, table.alignment = "Table Grid", WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header):
        _font(cell.paragraphs[0].add_run(text), TITLE_FONT, 10.5, bold=True)
    for i, values in enumerate(cells):
        row = table.add_row().cells
        for j, (cell, text) in enumerate(zip(row, values)):
            colour = STATUS_HEX[statuses[i]] if j == status_col and statuses else None
            _font(cell.paragraphs[0].add_run(text), BODY_FONT, 10.5, bold=colour is not None, colour=colour)


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
    figures, alerts_title, charts_title, notes_title = _sections(brief)
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
