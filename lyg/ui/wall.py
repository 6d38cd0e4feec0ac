"""The operations-centre wall: no chrome, dark, large type, fills 1920×1080, rotates and refreshes by itself."""
from __future__ import annotations

import html
from datetime import datetime

import streamlit as st

from lyg import alerts, meta, overview, provenance, snapshot, wall
from lyg.bonded import analysis as bz
from lyg.bonded import figures as bz_fig
from lyg.catalog import figures as cat_fig
from lyg.catalog import search as cat
from lyg.digital import figures as dg_fig
from lyg.digital import programme as dg
from lyg.fireworks import analysis as fw
from lyg.fireworks import figures as fw_fig
from lyg.legislation import compliance as leg
from lyg.legislation import figures as leg_fig
from lyg.ui import marks
from lyg.ui.context import PageContext, as_of_text
from lyg.ui.marks import badge, marked
from lyg.ui.shared import shared
from lyg.ui.text import plain
from lyg.viz.charts import SAMPLE_COLOUR, WALL_BACKGROUND, for_wall
from lyg.viz.situation import LAYERS, situation_map

CSS = f"""
<style>
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stDecoration"], [data-testid="stStatusWidget"], footer {{ display: none !important; }}
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{ background: {WALL_BACKGROUND} !important;
      color: #e2e8f0 !important; overflow: hidden !important; }}
  [data-testid="stMainBlockContainer"], .block-container {{ padding: 12px 28px 0 28px !important; max-width: 100% !important; }}
  .stApp p, .stApp li, .stApp span, .stApp div {{ font-size: 22px; }}
  .stApp h1, .stApp h1 span {{ font-size: 42px !important; color: #f8fafc !important; padding: 0 !important; }}
  .stApp h3, .stApp h3 span {{ font-size: 30px !important; }}
  .stApp h2, .stApp h3 {{ color: #f8fafc !important; }}
  [data-testid="stVerticalBlockBorderWrapper"] {{ background: #111a2e; border-color: #1f2a44 !important; }}
  ::-webkit-scrollbar {{ display: none; }}
</style>
"""
CHART_H, MAP_H = 430, 820


def chrome() -> None:
    st.html(CSS)


SAMPLE_TAG = ("<span style='background:{colour};color:#fff;font-weight:700;border-radius:6px;padding:2px 10px;"
              "font-size:{size}px;vertical-align:middle'>{text}</span>")


def sample_tag(ctx: PageContext, size: int = 20, short: bool = False) -> str:
    """The 示例 mark for the wall's own HTML (amber, readable from 5 m); short on tiles, in full on the panel title."""
    return SAMPLE_TAG.format(colour=SAMPLE_COLOUR, size=size, text=html.escape(ctx.t("mark.sample" if short else "mark.sample_chart")))


def _header(ctx: PageContext, title: str, index: int, total: int, updated: datetime, domain: str) -> None:
    left, right = st.columns([11, 9])
    tag = f"　{sample_tag(ctx, 26)}" if provenance.domain_illustrative(ctx.db, domain) else ""
    left.markdown(f"<h1>{html.escape(ctx.t('wall.title'))} · {html.escape(title)}{tag}</h1>", unsafe_allow_html=True)
    as_of = as_of_text(meta.as_of(ctx.db, domain) if domain != "overview" else meta.as_of(ctx.db), ctx.lang)
    right.markdown(f"<div style='text-align:right;font-size:22px;padding-top:16px;white-space:nowrap'>{datetime.now():%Y-%m-%d %H:%M}　"
                   f"{html.escape(as_of)}　{ctx.t('wall.updated', time=f'{updated:%H:%M}')}　{index + 1}/{total}</div>",
                   unsafe_allow_html=True)


def _overview(ctx: PageContext) -> None:
    snap = shared(ctx, ("snapshot",), lambda: snapshot.take(ctx.db, ctx.tr))  # the same object the overview page shares
    heads = shared(ctx, ("headlines", ""), lambda: overview.headlines(ctx.db, "", ctx.tr, snap))
    found = shared(ctx, ("alerts", ""), lambda: alerts.all_alerts(ctx.db, "", ctx.tr, snap))
    left, right = st.columns([5, 4])
    with left:
        for start in range(0, min(len(heads), 9), 3):
            for col, h in zip(st.columns(3), heads[start:start + 3]):
                with col.container(border=True, height=226):
                    tag = f" {sample_tag(ctx, 16, short=True)}" if h.illustrative else ""
                    st.markdown(f"<div style='font-size:20px;font-weight:600'>{html.escape(h.title)}{tag}</div>", unsafe_allow_html=True)
                    st.markdown(f"<div style='font-size:40px;font-weight:700'>{html.escape(h.value)}</div>"
                                f"<div style='font-size:22px'>{html.escape(h.status_text)}</div>", unsafe_allow_html=True)
        st.markdown(f"### {ctx.t('overview.alerts')}")
        for a in found[:3]:
            text = _shortened(a.text, 64 if ctx.lang == "zh" else 120)
            st.markdown(ctx.t("wall.alert", severity=ctx.t(a.severity_key), text=(f"{badge(ctx)} " if a.illustrative else "") + plain(text)))
    with right:
        st.pydeck_chart(shared(ctx, ("wall", "map"), lambda: _wall_map(ctx, snap)), height=MAP_H, key="wall-map")


def _wall_map(ctx: PageContext, snap: snapshot.Snapshot):
    """The last twelve months on the situational map, dark, every layer on."""
    return situation_map(ctx.tr.frame(meta.units(ctx.db), "name"), ctx.tr.frame(fw.zones_in_force(ctx.db, fw.as_of(ctx.db)), "name"),
                         ctx.tr.frame(bz.blocks(ctx.db), "name"), fw.situation_grid(ctx.db), fw.CELL_DEG, set(LAYERS), height=MAP_H, background=WALL_BACKGROUND,
                         label_colour=[226, 232, 240, 255], tr=ctx.tr, cells_sample=snap.is_sample("fireworks"))


def _wall_chart(ctx: PageContext, container, key: str, build, height: int, font_size: int = 20, tables: tuple[str, ...] = (),
                sample: bool | None = None) -> None:
    """A chart restyled for the wall and marked where sample, built once per database and language for every screen."""
    fig = shared(ctx, ("wall", key), lambda: for_wall(marked(ctx, build(), *tables, sample=sample), height, font_size))
    container.plotly_chart(fig, key=key)


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fireworks(ctx: PageContext) -> None:
    tr = ctx.tr
    left, right = st.columns(2)
    sample = {"sample": marks.is_sample(ctx, "fw_incidents")}
    _wall_chart(ctx, left, "wall-fw-season",
                lambda: fw_fig.season_comparison(fw.season_comparison(ctx.db), ctx.t("wall.fw_season"), tr), CHART_H, **sample)
    notices = fw.notices(ctx.db)
    _wall_chart(ctx, right, "wall-fw-year",
                lambda: fw_fig.by_year_type(fw.by_year_type(ctx.db), notices, ctx.t("wall.fw_year"), tr), CHART_H, **sample)
    left, right = st.columns(2)
    approximate = bool(fw.zones(ctx.db)["approximate"].any())  # areas measured on hand-drawn outlines
    _wall_chart(ctx, left, "wall-fw-growth",
                lambda: fw_fig.zone_growth(fw.zone_growth(ctx.db), ctx.t("wall.fw_growth"), tr), CHART_H, sample=approximate)
    _wall_chart(ctx, right, "wall-fw-inside",
                lambda: fw_fig.inside_outside(fw.inside_outside(ctx.db), ctx.t("fw.inside"), tr), CHART_H, **sample)


def _bonded(ctx: PageContext) -> None:
    year = bz.years(ctx.db)[0]
    progress = bz.progress(ctx.db, year)
    for start in (0, 2):
        for col, p in zip(st.columns(2), progress[start:start + 2]):
            _wall_chart(ctx, col, f"wall-bullet-{p.indicator_code}", lambda p=p: bz_fig.bullet(p, tr=ctx.tr), 190, tables=("bz_monthly",))
            col.markdown(f"**{bz_fig.status_line(p, ctx.tr)}**")  # numbers and fixed words only
    paths = bz.paths(ctx.db, year, progress)
    cumulative = [p for p in progress if p.comparison != "share_above"][:3]
    for col, p in zip(st.columns(3), cumulative):
        _wall_chart(ctx, col, f"wall-path-{p.indicator_code}",
                    lambda p=p: bz_fig.cumulative(p, paths[p.indicator_code], ctx.tr), 380, 16, tables=("bz_monthly",))


def _catalog(ctx: PageContext) -> None:
    day = cat.as_of(ctx.db)
    head = cat.headline(ctx.db, day)
    cols = st.columns(5)
    figures = [("cat.entries", ctx.t("cat.n_entries", n=int(head["entries"]))), ("cat.unconditional", f"{head['unconditional_pct']:.1f}%"),
               ("cat.open", f"{head['open_pct']:.1f}%"), ("cat.fresh_pct", f"{head['fresh_pct']:.1f}%"),
               ("cat.delinquent", ctx.t("cat.n_entries", n=int(head["delinquent"])))]
    tag = f" {sample_tag(ctx, 16, short=True)}" if marks.is_sample(ctx, "cat_entries") else ""
    for col, (key, value) in zip(cols, figures):
        label = html.escape(ctx.t(key))
        col.markdown(f"<div style='font-size:24px'>{label}{tag}</div><div style='font-size:52px;font-weight:700'>{html.escape(value)}</div>",
                     unsafe_allow_html=True)
    by_cycle = cat.freshness_by_cycle(ctx.db, day)
    left, right = st.columns([3, 2])
    _wall_chart(ctx, left, "wall-cat-cycle",
                lambda: cat_fig.freshness_by_cycle(by_cycle, ctx.t("wall.cat_cycle"), ctx.tr), 700, tables=("cat_entries",))
    stale = cat.scorecard(ctx.db, day).head(10)
    with right:
        sample = f" {badge(ctx)}" if marks.is_sample(ctx, "cat_entries") else ""
        st.markdown(f"### {ctx.t('wall.cat_worst')}{sample}")
        for d in stale.itertuples():
            st.markdown(ctx.t("wall.cat_line", department=plain(d.department), n=d.delinquent, total=d.entries))


def _digital(ctx: PageContext) -> None:
    day = dg.as_of(ctx.db)
    projects = dg.projects(ctx.db, day)
    components = dg.component_status(ctx.db.query("digital.components"), projects)
    left, right = st.columns([2, 3])
    progress = ("dg_projects", "dg_progress")
    _wall_chart(ctx, left, "wall-dg-framework", lambda: dg_fig.framework(components, tr=ctx.tr), 420, 18, tables=progress)
    _wall_chart(ctx, left, "wall-dg-phases", lambda: dg_fig.phases(dg.phases(projects, day), ctx.tr), 400, tables=progress)
    _wall_chart(ctx, right, "wall-dg-gantt", lambda: dg_fig.gantt(projects, day, ctx.tr), 840, 16, tables=progress)


def _legislation(ctx: PageContext) -> None:
    projects, events = leg.load(ctx.db)
    left, right = st.columns(2)
    tables = ("leg_projects", "leg_events")
    _wall_chart(ctx, left, "wall-leg-pipeline", lambda: leg_fig.pipeline(projects, ctx.tr), CHART_H, tables=tables)
    _wall_chart(ctx, right, "wall-leg-adoption",
                lambda: leg_fig.adoption(leg.adoption_rates(events, "method"), "method", ctx.tr), CHART_H, tables=tables)
    sample = f" {badge(ctx)}" if marks.is_sample(ctx, *tables) else ""
    st.markdown(f"### {ctx.t('leg.compliance')}{sample}")
    for v in leg.violations(projects, events, ctx.tr).head(6).itertuples():
        st.markdown(ctx.t("generic.labelled", label=plain(v.rule), text=plain(_shortened(v.detail, 70 if ctx.lang == "zh" else 140))))


PANELS = {"overview": _overview, "fireworks": _fireworks, "bonded": _bonded, "catalog": _catalog, "digital": _digital,
          "legislation": _legislation}


def run(ctx: PageContext) -> None:
    panels = wall.playlist(ctx.settings.wall_panels)
    dwell, refresh = ctx.settings.wall_dwell_seconds, ctx.settings.wall_refresh_seconds

    @st.fragment(run_every=wall.tick_seconds(dwell, refresh))
    def screen() -> None:
        index, name = wall.current_panel(panels, dwell)
        stamp = st.session_state.get("wall-updated")
        if stamp is None or (datetime.now() - stamp).total_seconds() >= refresh:
            stamp = st.session_state["wall-updated"] = datetime.now()
        _header(ctx, ctx.t(wall.PANEL_TITLES[name]), index, len(panels), stamp, name)
        try:
            PANELS[name](ctx)
        except Exception as exc:
            st.markdown(ctx.t("app.error", message=type(exc).__name__))

    screen()
