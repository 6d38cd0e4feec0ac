"""公众参与政府立法: stages, compliance with the rules, participation and adoption, project timelines."""
import streamlit as st

from lyg.legislation import analysis as leg
from lyg.legislation import figures
from lyg.ui import marks, urlstate
from lyg.ui.context import context
from lyg.ui.layout import guarded, header, labelled, table_with_downloads
from lyg.ui.press import show_statements
from lyg.ui.shared import shared
from lyg.ui.text import plain

EVENT_COLUMNS = ["event_id", "stage", "method", "start_on", "end_on", "days", "period_days", "participants", "opinions_received", "opinions_adopted",
                 "feedback_published", "public_members", "officials", "experts"]
LEG = ("leg_projects", "leg_events")  # the tables every figure here rests on
ctx = context("legislation")
tr = ctx.tr
with guarded(ctx):
    header(ctx, "page.legislation", leg.as_of(ctx.db), domain="legislation")
    mark = f" {marks.badge(ctx)}" if marks.is_sample(ctx, *LEG) else ""
    projects, events = leg.load(ctx.db)
    violations = shared(ctx, ("leg-violations",), lambda: leg.violations(projects, events, tr))

    left, right = st.columns([2, 3])
    left.subheader(ctx.t("leg.pipeline"))
    left.plotly_chart(shared(ctx, ("leg-pipeline",), lambda: marks.marked(ctx, figures.pipeline(projects, tr), *LEG)), key="leg-pipeline")
    with right:
        st.subheader(ctx.t("leg.compliance"))
        st.caption(ctx.t("leg.rules"))
        if violations.empty:
            st.markdown(f":green[**{ctx.t('leg.no_violation')}**]{mark}")
        else:
            st.markdown(f":red[**{ctx.t('leg.violations', n=len(violations))}**]{mark}")
            for v in violations.itertuples():
                st.markdown(ctx.t("leg.violation_line", rule=plain(v.rule), detail=plain(v.detail), basis=plain(v.basis)))
        show_statements(ctx, "legislation", "rules", note=ctx.t("press.counting"))

    left, right = st.columns(2)
    left.subheader(ctx.t("leg.methods"))
    left.plotly_chart(shared(ctx, ("leg-methods",), lambda: marks.marked(ctx, figures.methods_over_time(events, tr), *LEG)), key="leg-methods")
    right.subheader(ctx.t("leg.adoption"))
    right.plotly_chart(shared(ctx, ("leg-adoption",), lambda: marks.marked(ctx, figures.adoption(leg.adoption_rates(events, "method"), "method", tr), *LEG)),
                       key="leg-adoption")
    rates = shared(ctx, ("leg-by-stage",), lambda: leg.adoption_rates(events, "stage"))
    by_stage = labelled(ctx, rates, list(rates.columns), ("stage",))
    st.markdown(f"**{ctx.t('leg.by_stage')}**")
    table_with_downloads(ctx, by_stage.round(1), "adoption_by_stage", key="leg-by-stage", tables=LEG)

    st.subheader(ctx.t("leg.project"))
    titles = {p.project_id: ctx.t("leg.project_option", title=p.title, stage=tr.value(p.stage)) for p in projects.itertuples()}
    pid = urlstate.select(ctx.t("leg.project"), list(titles), "project", container=st.columns(3)[0], format_func=titles.get)
    project = projects.set_index("project_id").loc[pid]
    st.plotly_chart(shared(ctx, ("leg-timeline", pid), lambda: marks.marked(ctx, figures.project_timeline(events[events["project_id"] == pid], project, tr), *LEG)),
                    key="leg-timeline")
    table_with_downloads(ctx, labelled(ctx, events[events["project_id"] == pid], EVENT_COLUMNS, ("stage", "method")),
                         f"legislation_{pid}", key="leg-events", tables=LEG)
