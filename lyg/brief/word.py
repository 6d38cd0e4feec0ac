"""The brief as .docx (python-docx): 仿宋 body and 黑体 headings, the status word in its colour, charts as pictures."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lyg.brief.compose import Brief
from lyg.brief.write import more_alerts, rows, sections
from lyg.i18n import translator
from lyg.status import STATUS_HEX

BODY_FONT, TITLE_FONT = "仿宋", "黑体"  # the official pair; Word substitutes where they are missing


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
    figures, alerts_title, charts_title, notes_title = sections(brief)
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
