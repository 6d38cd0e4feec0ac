"""The live view (今夜 · 实时): tonight's reports so far against the same lunar night of earlier seasons, and (opened by
itself in the Spring-Festival season, otherwise on request) the map of the last hours and the latest reports with where they
fell. Shared by the fireworks page; "unknown" is shown as 未知, never as 否."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lyg import meta
from lyg.fireworks import analysis as fw
from lyg.fireworks import figures as fw_fig
from lyg.ui import urlstate
from lyg.ui.context import PageContext
from lyg.ui.layout import labelled, table_with_downloads
from lyg.ui.marks import badge
from lyg.ui.shared import shared


def three_way(ctx: PageContext, values: pd.Series) -> pd.Series:
    """True / False / missing as 是 / 否 / 未知 in the reader's language."""
    words = {True: ctx.t("generic.yes"), False: ctx.t("generic.no")}
    return values.map(lambda v: ctx.t("generic.unknown") if v is None or v is pd.NA or v != v else words[bool(v)])


def lunar_day(ctx: PageContext, days_from_chuxi: int) -> str:
    """Where tonight falls against 除夕 in words: 距除夕还有 97 天, 除夕, 除夕后第 3 天 (never "-97")."""
    if days_from_chuxi == 0:
        return ctx.t("live.chuxi")
    return ctx.t("live.before_chuxi" if days_from_chuxi < 0 else "live.after_chuxi", n=abs(days_from_chuxi))


def live_map(ctx: PageContext, sample: bool, height: int = 560, background: str = "#f8fafc", label_colour: list[int] | None = None):
    """The last hours on the map (the page's, or the wall's darker one), built once per batch for every reader."""
    def build():
        zones = ctx.tr.frame(fw.zones_in_force(ctx.db, fw.as_of(ctx.db)), "name")
        return fw_fig.recent_map(ctx.tr.frame(meta.units(ctx.db), "name"), zones, fw.recent(ctx.db), height, background, label_colour,
                                 ctx.settings.basemap_style_url, sample, ctx.tr)
    return shared(ctx, ("live-map", height, background), build)


def show_tonight(ctx: PageContext, sample: bool, rows: int = 10) -> None:
    night = shared(ctx, ("tonight",), lambda: fw.tonight(ctx.db))
    mark = f" {badge(ctx)}" if sample else ""
    st.markdown(ctx.t("live.tonight", start=f"{night['start']:%H:%M}", now=f"{night['now']:%Y-%m-%d %H:%M}", n=night["this"],
                      day=lunar_day(ctx, night["days_from_chuxi"])) + mark)
    if night["previous"] is not None:
        st.markdown(ctx.t("live.compared", previous=night["previous"], mean=f"{night['earlier_mean']:.1f}",
                          seasons=len(night["earlier"])))
    opened = urlstate.toggle(ctx.t("live.show_details", hours=fw.LIVE_HOURS), "live", default=fw.in_season(night["days_from_chuxi"]),
                             help=ctx.t("live.details_help", days=fw.SEASON_WINDOW))
    if opened:  # out of season the map and table are built only when asked for: the page stays light
        show_recent(ctx, sample, rows)


def show_recent(ctx: PageContext, sample: bool, rows: int) -> None:
    """The last hours on the map and the latest reports, with whether each fell in a zone and was banned."""
    st.pydeck_chart(live_map(ctx, sample), key="fw-live-map", height=560)
    st.caption(ctx.t("live.map_caption", hours=fw.LIVE_HOURS, minutes=fw.NEW_MINUTES) + (f" {ctx.t('map.live_sample')}" if sample else ""))
    latest = fw.latest_reports(ctx.db, rows)
    latest = latest.assign(in_ban_zone=three_way(ctx, latest["in_ban_zone"]), banned=three_way(ctx, latest["banned"]),
                           occurred_at=latest["occurred_at"].dt.strftime("%Y-%m-%d %H:%M"))
    table_with_downloads(ctx, labelled(ctx, latest, ["occurred_at", "type", "district", "zone", "in_ban_zone", "banned"],
                                       ("type", "district", "zone")),
                         "latest_reports", key="fw-latest", tables=("fw_incidents",), rows=latest["provenance"])
