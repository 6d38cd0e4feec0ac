"""What a brief says: the same headline figures and alerts as the overview, for one data date and district."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from lyg import alerts, meta, overview, snapshot, vocab
from lyg.bonded import analysis as bz
from lyg.bonded import figures as bz_fig
from lyg.db import Database
from lyg.fireworks import analysis as fw
from lyg.fireworks import figures as fw_fig
from lyg.i18n import ZH, Translator
from lyg.viz.charts import mark_illustrative


class BriefError(ValueError):
    """A brief that cannot be written as asked (the message says why, in Chinese)."""


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    caption: str


@dataclass(frozen=True)
class Brief:
    lang: str
    title: str
    as_of: date
    where: str  # 全市 or the district's name
    headlines: list[overview.Headline]
    alerts: list[alerts.Alert]
    charts: list[Chart]
    notes: list[str]  # provenance: which figures are illustrative, which are city-wide

    @property
    def has_sample(self) -> bool:
        return any(h.illustrative for h in self.headlines) or any(a.illustrative for a in self.alerts)


def compose(db: Database, as_of: date | None = None, district: str = "", tr: Translator = ZH) -> Brief:
    """The brief for the database's data date. A brief for another day needs that day's database: the figures are
    computed from what is loaded, never cut back to an earlier date here (it would differ from the overview)."""
    day = meta.as_of(db)
    if as_of is not None and as_of != day:
        raise BriefError(f"数据库的数据截至 {day:%Y-%m-%d}，不能生成截至 {as_of:%Y-%m-%d} 的简报："
                         f"请用那天的 data/ 生成数据库（python -m lyg build），或省略 --as-of")
    if district and district not in vocab.DISTRICT_NAMES:
        raise BriefError(f"未知的县区代码：{district}（应为 {'、'.join(sorted(vocab.DISTRICT_NAMES))} 之一）")
    snap = snapshot.take(db, tr)
    heads = overview.headlines(db, district, tr, snap)
    found = alerts.all_alerts(db, district, tr, snap)
    where = tr.value(vocab.DISTRICT_NAMES[district]) if district else tr("overview.city")
    return Brief(tr.lang, tr("brief.title", where=where), day, where, heads, found, _charts(db, snap, tr),
                 _notes(heads, district, tr))


def _charts(db: Database, snap: snapshot.Snapshot, tr: Translator) -> list[Chart]:
    year = bz.years(db)[0]
    progress = [p for p in snap.progress if p.comparison != "share_above"][0]
    bonded = bz_fig.cumulative(progress, bz.paths(db, year, snap.progress)[progress.indicator_code], tr)
    fireworks = fw_fig.by_year_type(fw.by_year_type(db), fw.notices(db), tr("brief.fw_chart"), tr)
    charts = []
    for fig, domain in ((bonded, "bonded"), (fireworks, "fireworks")):
        if snap.is_sample(domain):
            fig = mark_illustrative(fig, tr("mark.sample_chart"))
        charts.append(Chart(fig, tr(f"brief.{domain}_caption") + (tr("brief.sample_caption") if snap.is_sample(domain) else "")))
    return charts


def _notes(heads: list[overview.Headline], district: str, tr: Translator) -> list[str]:
    notes = [tr("brief.note_sources")]
    sample = [h.title for h in heads if h.illustrative]
    if sample:
        notes.append(tr("brief.note_sample", titles="；".join(sample) if tr.lang == "zh" else "; ".join(sample)))
    if district:
        city = [h.title for h in heads if not h.by_district]
        if city:
            notes.append(tr("brief.note_city", titles="；".join(city) if tr.lang == "zh" else "; ".join(city)))
    return notes
