"""数字政府建设: is the framework in place, which projects are late or over budget, phases and indicators."""
from datetime import date

import streamlit as st

from lyg.digital import figures
from lyg.digital import programme as dg
from lyg.ui import urlstate
from lyg.ui.context import context
from lyg.ui.layout import guarded, header, table_with_downloads

ctx = context("digital")
with guarded(ctx):
    latest = dg.as_of(ctx.db)
    choices = ["latest", "2019-12-31", "2020-12-31", "2021-12-31", "2022-12-31"]
    labels = {"latest": ctx.t("dg.latest", date=f"{latest:%Y-%m-%d}"), **{c: c[:4] + "年末" for c in choices[1:]}}
    top = st.container()  # the header goes above the as-of picker but depends on it
    choice = urlstate.select(ctx.t("dg.as_of_choice"), choices, "asof", container=st.columns(4)[0], format_func=labels.get)
    day = latest if choice == "latest" else date.fromisoformat(choice)
    with top:
        header(ctx, "page.digital", day, illustrative=True)
    st.caption(ctx.t("dg.named_note"))

    projects = dg.projects(ctx.db, day)
    components = dg.component_status(ctx.db.query("digital.components"), projects)
    st.subheader(ctx.t("dg.framework"))
    names = dict(zip(components["component_code"], components["name"] + "（" + components["metaphor"] + "）"))
    picked = urlstate.select(ctx.t("dg.component"), list(names), "component", container=st.columns(3)[0], format_func=names.get)
    st.plotly_chart(figures.framework(components, picked), key="dg-framework")
    linked = projects[projects["component_codes"].fillna("").str.split(";").map(lambda codes: picked in codes)]
    st.markdown(f"**{ctx.t('dg.component_projects', name=names[picked])}**")
    table_with_downloads(ctx, linked[["name", "lead_department", "actual_pct", "days_late", "schedule_text", "cost_text"]].rename(columns={
        "name": "工程", "lead_department": "牵头部门", "actual_pct": "实际进度%", "days_late": "滞后天数", "schedule_text": "进度状态",
        "cost_text": "成本状态"}), f"component_{picked}", key="dg-linked")

    focus = st.query_params.get("project")
    if focus in set(projects["project_code"]):
        p = projects.set_index("project_code").loc[focus]
        st.info(f"**{p['name']}**：{p['schedule_text']}，实际进度 {p['actual_pct']:.0f}%（计划 {p['planned_pct']:.0f}%），滞后 {p['days_late']} 天；"
                f"成本{p['cost_text']}，已支出 {p['spent_wan']:,.0f} 万元 / 预算 {p['budget_wan']:,.0f} 万元", icon=":material/flag:")
    st.subheader(ctx.t("dg.gantt"))
    st.caption(ctx.t("dg.gantt_help"))
    st.plotly_chart(figures.gantt(projects, day), key="dg-gantt")
    table = projects[["project_code", "name", "system_name", "lead_department", "phase_year", "planned_start", "planned_end", "budget_wan",
                      "spent_wan", "planned_pct", "actual_pct", "days_late", "schedule_text", "cpi", "cost_text"]].rename(columns={
        "project_code": "代码", "name": "工程", "system_name": "体系", "lead_department": "牵头部门", "phase_year": "推进年度",
        "planned_start": "计划开始", "planned_end": "计划完成", "budget_wan": "预算（万元）", "spent_wan": "已支出（万元）",
        "planned_pct": "计划进度%", "actual_pct": "实际进度%", "days_late": "滞后天数", "schedule_text": "进度状态", "cpi": "成本绩效指数",
        "cost_text": "成本状态"}).round(2)
    table_with_downloads(ctx, table, f"digital_projects_{day}", key="dg-projects", height=320)

    left, right = st.columns([2, 3])
    left.subheader(ctx.t("dg.phases"))
    left.plotly_chart(figures.phases(dg.phases(projects, day)), key="dg-phases")
    right.subheader(ctx.t("dg.indicators"))
    indicators = ctx.db.query("digital.indicators")
    right.plotly_chart(figures.indicators(indicators[indicators["year"] <= day.year]), key="dg-indicators")
    table_with_downloads(ctx, dg.indicator_attainment(indicators[indicators["year"] <= day.year]).rename(columns={
        "name": "指标", "unit": "单位", "year": "年份", "baseline": "2018基线", "target": "当年目标", "actual": "当年实际",
        "attainment_pct": "完成率%", "goal_2022": "2022目标", "toward_goal_pct": "向2022目标推进%"}).drop(columns="indicator_code").round(1),
        "digital_indicators", key="dg-indicators-table")
