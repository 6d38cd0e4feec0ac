"""综合保税区: each target against its expected path, where the year will end, and what lies behind."""
import streamlit as st

from lyg import meta
from lyg.bonded import analysis as bz
from lyg.bonded import figures
from lyg.status import STATUS_NAMED
from lyg.ui import marks, urlstate
from lyg.ui.context import context
from lyg.ui.layout import guarded, header, labelled, table_with_downloads
from lyg.ui.press import show_statements
from lyg.ui.shared import shared
from lyg.ui.text import plain

MONTHLY_COLUMNS = ["month", "block_code", "block", "subzone", "industrial_output", "logistics_revenue", "trade_total",
                   "leading_industry_output"]
ctx = context("bonded")


def path_charts(year: int, progress: list) -> list:
    """Each indicator's year so far against its path (the share indicator as a line), marked where sample."""
    paths = bz.paths(ctx.db, year, progress)
    charts = [figures.cumulative(p, paths[p.indicator_code], ctx.tr) if p.comparison != "share_above"
              else figures.share_line(p, bz.share_by_month(ctx.db, year), ctx.tr) for p in progress]
    return [marks.marked(ctx, fig, "bz_monthly") for fig in charts]


with guarded(ctx):
    as_of = bz.as_of(ctx.db)
    header(ctx, "page.bonded", as_of, domain="bonded")
    official = bz.official_targets(ctx.db)
    st.info(ctx.t("bz.real_targets", year=int(official["target_year"].min()),
                  targets=plain(ctx.tr.join([f"{ctx.tr.value(r.indicator_name)} {figures.official_target_text(r, ctx.tr)}"
                                       for r in official.itertuples()]))), icon=":material/verified:")
    year = urlstate.select(ctx.t("bz.year"), bz.years(ctx.db), "year", container=st.columns(5)[0])
    progress = shared(ctx, ("bonded-progress", year), lambda: bz.progress(ctx.db, year))

    st.subheader(ctx.t("bz.targets"))
    st.caption(ctx.t("bz.bullet_help"))
    for row in (progress[:2], progress[2:]):
        for col, p in zip(st.columns(2), row):
            col.plotly_chart(shared(ctx, ("bullet", year, p.indicator_code), lambda p=p: marks.marked(ctx, figures.bullet(p, tr=ctx.tr), "bz_monthly")),
                             key=f"bullet-{p.indicator_code}")
            col.markdown(f":{STATUS_NAMED[p.status]}[**{figures.status_line(p, ctx.tr)}**]")  # numbers and fixed words only

    st.subheader(ctx.t("bz.paths"))
    charts = shared(ctx, ("bonded-paths", year), lambda: path_charts(year, progress))
    for start in (0, 2):
        for col, (i, fig) in zip(st.columns(2), enumerate(charts[start:start + 2], start=start)):
            col.plotly_chart(fig, key=f"path-{i}")

    st.subheader(ctx.t("bz.split"))
    st.plotly_chart(shared(ctx, ("bz-split", year), lambda: marks.marked(ctx, figures.subzone_split(bz.subzone_split(ctx.db, year), ctx.tr),
                                                                          "bz_monthly")), key="bz-split")
    st.subheader(ctx.t("bz.monthly"))
    table_with_downloads(ctx, labelled(ctx, bz.monthly_table(ctx.db, year), MONTHLY_COLUMNS, ("block", "subzone")),
                         f"bonded_monthly_{year}", key="bz-monthly", height=300, tables=("bz_monthly",), as_of=as_of)

    left, right = st.columns(2)
    left.subheader(ctx.t("bz.facilities"))
    left.plotly_chart(shared(ctx, ("bz-facilities",), lambda: marks.marked(ctx, figures.facilities(bz.facilities(ctx.db), ctx.tr),
                                                                            "bz_facilities")), key="bz-facilities")
    right.subheader(ctx.t("bz.milestones"))
    right.plotly_chart(shared(ctx, ("bz-milestones",), lambda: marks.marked(ctx, figures.milestones(bz.milestones(ctx.db)), "bz_milestones")),
                       key="bz-milestones")

    left, right = st.columns([3, 2])
    with left:
        st.subheader(ctx.t("bz.map"))
        st.pydeck_chart(shared(ctx, ("bz-map",), lambda: figures.blocks_map(ctx.tr.frame(meta.units(ctx.db), "name"), bz.blocks(ctx.db),
                                                                            ctx.settings.basemap_style_url, ctx.tr)), key="bz-map", height=480)
        st.caption(ctx.t("bz.map_caption"))
    with right:
        st.subheader(ctx.t("bz.platforms"))
        table_with_downloads(ctx, labelled(ctx, bz.platforms(ctx.db), ["subzone", "kind", "name", "focus"], ("subzone", "kind")),
                             "bonded_platforms", key="bz-platforms", height=400, tables=("bz_platforms",))
    st.subheader(ctx.t("bz.enterprises"))
    enterprises = bz.enterprises_by_year(ctx.db)
    table_with_downloads(ctx, labelled(ctx, enterprises, list(enterprises.columns), ("ownership", "investment_unit")),
                         "bonded_enterprises", key="bz-enterprises", tables=("bz_enterprises",))
    show_statements(ctx, "bonded", "policy", expanded=True)
