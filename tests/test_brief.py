"""The brief: the .docx and the PDF (read back as text) carry the overview's figures for the same date and district,
示例 marks included, the charts rendered locally."""
from __future__ import annotations

import io
import subprocess
import sys
from datetime import timedelta

import pypdf
import pytest
from docx import Document

from lyg import alerts, meta, overview, vocab
from lyg.brief import BriefError, compose, render
from lyg.brief.write import ALERTS_SHOWN
from lyg.config import PROJECT_ROOT as ROOT
from lyg.i18n import EN, ZH

HAIZHOU = "320706"


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _embedded(font) -> bool:
    """Glyphs drawn in the file (Type 3) or a font program inside it; never a bare font name."""
    if font["/Subtype"] == "/Type3":
        return "/CharProcs" in font
    described = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
    return all(any(k in d["/FontDescriptor"] for k in ("/FontFile", "/FontFile2", "/FontFile3")) for d in described)


def _flat(text: str) -> str:
    return "".join(text.split())  # table cells wrap anywhere in the PDF


def test_the_brief_holds_the_overviews_figures_and_alerts_for_a_district(db):
    brief = compose(db, meta.as_of(db), HAIZHOU, ZH)
    heads, found = overview.headlines(db, HAIZHOU, ZH), alerts.all_alerts(db, HAIZHOU, ZH)
    assert [(h.title, h.value, h.comparison, h.status_text) for h in brief.headlines] == \
        [(h.title, h.value, h.comparison, h.status_text) for h in heads]
    assert [a.text for a in brief.alerts] == [a.text for a in found]
    assert brief.where == vocab.DISTRICT_NAMES[HAIZHOU] and brief.as_of == meta.as_of(db)
    assert len(brief.charts) == 2


def test_docx_and_pdf_carry_every_headline_value_status_date_and_sample_mark(db):
    brief = compose(db, None, "", ZH)
    docx = render(brief, "docx")
    docx_text, pdf_text = _docx_text(docx), _flat(_pdf_text(render(brief, "pdf")))
    assert f"数据截至 {brief.as_of:%Y-%m-%d}" in docx_text and _flat(f"数据截至{brief.as_of:%Y-%m-%d}") in pdf_text
    for h in brief.headlines:
        for text in (h.value, h.comparison, h.status_text):
            assert text in docx_text, text
            assert _flat(text) in pdf_text, text
        if h.illustrative:
            assert f"{h.title}（示例）" in docx_text
            assert _flat(f"{h.title}（示例）") in pdf_text
    for a in brief.alerts[:ALERTS_SHOWN]:
        assert a.text in docx_text and _flat(a.text) in pdf_text
    left = len(brief.alerts) - ALERTS_SHOWN
    if left > 0:
        assert f"另有 {left} 条预警" in docx_text
    doc = Document(io.BytesIO(docx))
    assert len(doc.inline_shapes) == 2  # both charts, as pictures


def test_the_pdf_embeds_its_fonts_and_an_english_brief_is_english(db):
    brief = compose(db, None, "", EN)
    data = render(brief, "pdf")
    pdf = pypdf.PdfReader(io.BytesIO(data))
    assert 1 <= len(pdf.pages) <= 3
    fonts = [f.get_object() for page in pdf.pages for f in page["/Resources"]["/Font"].values()]
    assert fonts and all(_embedded(f) for f in fonts)  # readable on a machine without any CJK font
    text = _flat(_pdf_text(data))
    assert _flat("1. Headline figures") in text and _flat(brief.headlines[0].value) in text


def test_a_brief_for_another_day_or_an_unknown_district_is_refused_with_the_reason(db):
    with pytest.raises(BriefError, match="数据截至"):
        compose(db, meta.as_of(db) - timedelta(days=1))
    with pytest.raises(BriefError, match="未知的县区代码"):
        compose(db, None, "999999")


def test_the_command_writes_a_docx_and_says_it_holds_sample_figures(app_env, tmp_path):  # app_env: the session database
    out = tmp_path / "brief.docx"
    done = subprocess.run([sys.executable, "-m", "lyg", "brief", "--format", "docx", "--district", HAIZHOU, "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "已写入" in done.stdout and "示例" in done.stdout
    assert "海州区" in _docx_text(out.read_bytes())


def test_a_figure_already_drawn_is_not_drawn_again(monkeypatch):
    """The Word and the PDF brief of one day share their charts: Kaleido is started only for figures not yet drawn."""
    import plotly.graph_objects as go

    from lyg.brief import charts
    asked = []
    monkeypatch.setattr(charts, "_drawn", charts.OrderedDict())
    monkeypatch.setattr(charts, "_draw", lambda figures, *size: asked.append(len(figures)) or [f"png{len(asked)}-{i}".encode() for i in range(len(figures))])
    one, two = go.Figure(go.Bar(x=["a"], y=[1])), go.Figure(go.Bar(x=["b"], y=[2]))
    first = charts.charts_png([one, two])
    assert charts.charts_png([one, two]) == first and asked == [2]
    assert charts.charts_png([two, go.Figure(go.Bar(x=["c"], y=[3]))])[0] == first[1] and asked == [2, 1]
    assert charts.charts_png([one], width=400) != [first[0]] and asked == [2, 1, 1]  # another size is another picture
