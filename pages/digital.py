"""数字政府建设: is the framework in place, which projects are late or over budget, phases and indicators."""
from datetime import date

import streamlit as st

from lyg.digital import analysis as dg
from lyg.digital import figures
from lyg.ui import marks, urlstate
from lyg.ui.context import context
from lyg.ui.layout import guarded, header, labelled, table_with_downloads
from lyg.ui.press import show_statements
from lyg.ui.shared import shared
from lyg.ui.text import plain

PROJECT_COLUMNS = ["project_code", "name", "system_name", "lead_department", "phase_year", "planned_start", "planned_end", "budget_wan",
                   "spent_wan", "planned_pct", "actual_pct", "days_late", "schedule_text", "cpi", "cost_text"]
PROJECT_VOCABULARY = ("name", "system_name", "schedule_text", "cost_text")
PROGRESS = ("dg_projects", "dg_progress")  # schedules, budgets and progress: the tables the programme's figures rest on
INDICATOR_COLUMNS = ["name", "unit", "year", "baseline", "target", "actual", "attainment_pct", "goal_2022", "toward_goal_pct"]
ctx = context("digital")
tr = ctx.tr
with guarded(ctx):
    latest = dg.as_of(ctx.db)
    choices = ["latest", *(f"{d:%Y-%m-%d}" for d in dg.year_ends(ctx.db))]
    labels = {"latest": ctx.t("dg.latest", date=f"{latest:%Y-%m-%d}"), **{c: ctx.t("dg.year_end", year=c[:4]) for c in choices[1:]}}
    top = st.container()  # the header goes above the as-of picker but depends on it
    choice = urlstate.select(ctx.t("dg.as_of_choice"), choices, "asof", container=st.columns(4)[0], format_func=labels.get)
    day = latest if choice == "latest" else date.fromisoformat(choice)
    with top:
        header(ctx, "page.digital", day, domain="digital")
    st.caption(ctx.t("dg.named_note"))

    projects = shared(ctx, ("dg-projects", day), lambda: dg.projects(ctx.db, day))
    components = shared(ctx, ("dg-components", day), lambda: dg.components(ctx.db, day))
    st.subheader(ctx.t("dg.framework"))
    names = {c.component_code: ctx.t("dg.component_name", name=tr.value(c.name), metaphor=tr.value(c.metaphor)) for c in components.itertuples()}
    picked = urlstate.select(ctx.t("dg.component"), list(names), "component", container=st.columns(3)[0], format_func=names.get)
    st.plotly_chart(shared(ctx, ("dg-framework", day, picked), lambda: marks.marked(ctx, figures.framework(components, picked, tr), *PROGRESS)),
                    key="dg-framework")
    linked = dg.component_projects(projects, picked)
    st.markdown(f"**{ctx.t('dg.component_projects', name=plain(names[picked]))}**")
    table_with_downloads(ctx, labelled(ctx, linked, ["name", "lead_department", "actual_pct", "days_late", "schedule_text", "cost_text"],
                                       PROJECT_VOCABULARY), f"component_{picked}", key="dg-linked", tables=PROGRESS, as_of=day)

    focus = st.query_params.get("project")
    if focus in set(projects["project_code"]):
        p = projects.set_index("project_code").loc[focus]
        st.info(ctx.t("dg.focus", name=plain(tr.value(p["name"])), status=tr.value(p["schedule_text"]), actual=p["actual_pct"], planned=p["planned_pct"],
                      days=p["days_late"], cost=tr.value(p["cost_text"]), spent=p["spent_wan"], budget=p["budget_wan"]), icon=":material/flag:")
    st.subheader(ctx.t("dg.gantt"))
    st.caption(ctx.t("dg.gantt_help"))
    st.plotly_chart(shared(ctx, ("dg-gantt", day), lambda: marks.marked(ctx, figures.gantt(projects, day, tr), *PROGRESS)), key="dg-gantt")
    table = labelled(ctx, projects.round(dict.fromkeys(["budget_wan", "spent_wan", "planned_pct", "actual_pct", "cpi"], 2)), PROJECT_COLUMNS,
                     PROJECT_VOCABULARY)
    table_with_downloads(ctx, table, f"digital_projects_{day}", key="dg-projects", height=320, tables=PROGRESS, as_of=day)

    left, right = st.columns([2, 3])
    left.subheader(ctx.t("dg.phases"))
    left.plotly_chart(shared(ctx, ("dg-phases", day), lambda: marks.marked(ctx, figures.phases(dg.phases(projects, day), tr), *PROGRESS)), key="dg-phases")
    right.subheader(ctx.t("dg.indicators"))
    indicators = dg.indicators(ctx.db, day.year)
    right.plotly_chart(shared(ctx, ("dg-indicators", day.year), lambda: marks.marked(ctx, figures.indicators(indicators, tr), "dg_indicators")),
                       key="dg-indicators")
    attainment = shared(ctx, ("dg-attainment", day.year), lambda: dg.indicator_attainment(indicators).round(1))
    table_with_downloads(ctx, labelled(ctx, attainment, INDICATOR_COLUMNS, ("name", "unit")), "digital_indicators", key="dg-indicators-table",
                         tables=("dg_indicators",))
    st.caption(ctx.t("dg.real_goal"))

    st.subheader(ctx.t("dg.governed"))
    show_statements(ctx, "digital", "governance", expanded=True)
    show_statements(ctx, "digital", "plan")
