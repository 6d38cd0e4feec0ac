"""A composed brief as .docx (lyg.brief.word) or PDF (lyg.brief.pdf: HTML printed by the local Chromium), in the
official layout: title, 数据截至, 一、关键指标 (against target, with status), 二、预警提示 (most severe first), 三、图表,
四、数据说明. Here: what both formats print."""
from __future__ import annotations

from lyg.brief.compose import Brief
from lyg.i18n import translator

FORMATS = ("docx", "pdf")
ALERTS_SHOWN = 8  # the most severe; the rest are counted, so the brief stays within two pages


def render(brief: Brief, fmt: str) -> bytes:
    from lyg.brief.charts import charts_png
    from lyg.brief.pdf import to_pdf
    from lyg.brief.word import to_docx
    if fmt not in FORMATS:
        raise ValueError(f"格式应为 {' 或 '.join(FORMATS)}，而不是 {fmt}")
    pictures = charts_png([c.figure for c in brief.charts])
    return to_docx(brief, pictures) if fmt == "docx" else to_pdf(brief, pictures)


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


def sections(brief: Brief) -> list[str]:
    tr = translator(brief.lang)
    return [tr(f"brief.section_{s}") for s in ("figures", "alerts", "charts", "notes")]
