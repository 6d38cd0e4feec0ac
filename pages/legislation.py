"""公众参与政府立法: stages, compliance with the rules, participation and adoption, project timelines."""
import streamlit as st

from lyg.legislation import compliance as leg
from lyg.legislation import figures
from lyg.ui import urlstate
from lyg.ui.context import context
from lyg.ui.layout import guarded, header, table_with_downloads

ctx = context("legislation")
with guarded(ctx):
    header(ctx, "page.legislation", leg.as_of(ctx.db), illustrative=True)
    projects, events = leg.load(ctx.db)
    violations = leg.violations(projects, events)

    left, right = st.columns([2, 3])
    left.subheader(ctx.t("leg.pipeline"))
    left.plotly_chart(figures.pipeline(projects), key="leg-pipeline")
    with right:
        st.subheader(ctx.t("leg.compliance"))
        st.caption(ctx.t("leg.rules"))
        if violations.empty:
            st.markdown(f":green[**{ctx.t('leg.no_violation')}**]")
        else:
            st.markdown(f":red[**{ctx.t('leg.violations', n=len(violations))}**]")
            for v in violations.itertuples():
                st.markdown(f"- **{v.rule}**：{v.detail}（依据：{v.basis}）")

    left, right = st.columns(2)
    left.subheader(ctx.t("leg.methods"))
    left.plotly_chart(figures.methods_over_time(events), key="leg-methods")
    right.subheader(ctx.t("leg.adoption"))
    right.plotly_chart(figures.adoption(leg.adoption_rates(events, "method"), "method"), key="leg-adoption")
    by_stage = leg.adoption_rates(events, "stage").rename(columns={"stage": "阶段", "events": "活动数", "received": "收到意见（条）",
                                                                  "adopted": "采纳（条）", "adoption_pct": "采纳率%", "feedback_pct": "反馈公开率%"})
    st.markdown(f"**{ctx.t('leg.by_stage')}**")
    table_with_downloads(ctx, by_stage.round(1), "adoption_by_stage", key="leg-by-stage")

    st.subheader(ctx.t("leg.project"))
    titles = dict(zip(projects["project_id"], projects["title"] + "（" + projects["stage"] + "）"))
    pid = urlstate.select(ctx.t("leg.project"), list(titles), "project", container=st.columns(3)[0], format_func=titles.get)
    project = projects.set_index("project_id").loc[pid]
    st.plotly_chart(figures.project_timeline(events[events["project_id"] == pid], project), key="leg-timeline")
    shown = events[events["project_id"] == pid][["event_id", "stage", "method", "start_on", "end_on", "days", "participants",
                                                 "opinions_received", "opinions_adopted", "feedback_published", "public_members", "officials", "experts"]]
    table_with_downloads(ctx, shown.rename(columns={"event_id": "编号", "stage": "阶段", "method": "方式", "start_on": "开始", "end_on": "结束",
                         "days": "天数", "participants": "参与人数", "opinions_received": "收到意见", "opinions_adopted": "采纳意见",
                         "feedback_published": "已公开反馈", "public_members": "听证公众代表", "officials": "听证政府人员", "experts": "听证专家"}),
                         f"legislation_{pid}", key="leg-events")
