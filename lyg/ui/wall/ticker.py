"""The wall's persistent strip: the alerts, most severe first, each with its place (district or 全市), scrolling along
the bottom under every panel, so the wall always says what is wrong and where. Pure CSS animation: no script."""
from __future__ import annotations

import html

import streamlit as st

from lyg import alerts, snapshot, vocab
from lyg.status import STATUS_HEX, STATUS_MARK
from lyg.ui.context import PageContext
from lyg.ui.shared import shared
from lyg.ui.wall.frame import sample_tag

STRIP_H = 64  # px at the bottom of 1080; panels end above it
SEVERITY_STATUS = {alerts.HIGH: "off", alerts.MEDIUM: "risk", alerts.LOW: "info"}
SECONDS_PER_ALERT = 6  # reading speed from 5 m: one alert's text passes in about six seconds

CSS = f"""
<style>
  [data-testid="stMainBlockContainer"] {{ padding-bottom: {STRIP_H + 8}px !important; }}
  .lyg-ticker {{ position: fixed; left: 0; right: 0; bottom: 0; height: {STRIP_H}px; background: #111a2e; z-index: 1000;
      border-top: 2px solid #1f2a44; overflow: hidden; white-space: nowrap; display: flex; align-items: center; }}
  .lyg-ticker .label {{ flex: none; padding: 0 20px; font-size: 24px; font-weight: 700; color: #f8fafc; background: #1f2a44;
      height: 100%; display: flex; align-items: center; z-index: 1; }}
  .lyg-ticker .track {{ display: inline-block; padding-left: 100%; animation: lyg-scroll var(--duration) linear infinite; }}
  .lyg-ticker .item {{ font-size: 24px; margin-right: 64px; color: #e2e8f0; }}
  @keyframes lyg-scroll {{ from {{ transform: translateX(0); }} to {{ transform: translateX(-100%); }} }}
</style>
"""


def ticker_items(ctx: PageContext, found: list[alerts.Alert]) -> list[str]:
    """One HTML item per alert: coloured mark and severity, where, the text (escaped), the 示例 tag when sample."""
    items = []
    for a in found:
        status = SEVERITY_STATUS[a.severity]
        where = ctx.tr.value(vocab.DISTRICT_NAMES.get(a.district, a.district)) if a.district else ctx.t("overview.city_wide")
        tag = f" {sample_tag(ctx, 16, short=True)}" if a.illustrative else ""
        items.append(f"<span class='item'><b style='color:{STATUS_HEX[status]}'>{STATUS_MARK[status]} {html.escape(ctx.t(a.severity_key))}</b>"
                     f"　<b>{html.escape(where)}</b>　{html.escape(a.text)}{tag}</span>")
    return items


def ticker(ctx: PageContext) -> None:
    snap = shared(ctx, ("snapshot",), lambda: snapshot.take(ctx.db, ctx.tr), live=False)
    found = shared(ctx, ("alerts", ""), lambda: alerts.all_alerts(ctx.db, "", ctx.tr, snap))
    items = ticker_items(ctx, found) or [f"<span class='item'>{html.escape(ctx.t('overview.no_alerts'))}</span>"]
    duration = max(SECONDS_PER_ALERT * len(items), 20)
    st.html(CSS + f"<div class='lyg-ticker' data-testid='wall-ticker'><span class='label'>{html.escape(ctx.t('overview.alerts'))}</span>"
                  f"<div style='overflow:hidden;flex:1'><div class='track' style='--duration:{duration}s'>{''.join(items)}</div></div></div>")
