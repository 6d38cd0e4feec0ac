"""Compliance rules of 《连云港市公众参与政府立法办法》 (连政办发〔2018〕187号), one function each.

Each rule returns violations: project, stage, rule, basis and a sentence in plain Chinese.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from lyg.db import Database

BASIS = "《连云港市公众参与政府立法办法》"
COMMENT_STAGES = ("立项", "起草", "审查")
MIN_COMMENT_DAYS = 30
PUBLIC_COMMENT = "向社会公布征求意见"
HEARINGS = ("听证会", "网上听证")
COLUMNS = ["project_id", "title", "stage", "rule", "basis", "detail", "event_id"]


def _violation(project_id, title, stage, rule, basis, detail, event_id=None) -> dict:
    return dict(zip(COLUMNS, (project_id, title, stage, rule, basis, detail, event_id)))


def comment_period(events: pd.DataFrame) -> list[dict]:
    """Public comment at 立项, 起草 and 审查 lasts at least 30 days (both ends counted: 30 passes, 29 fails)."""
    found = events[(events["method"] == PUBLIC_COMMENT) & events["stage"].isin(COMMENT_STAGES) & (events["days"] < MIN_COMMENT_DAYS)]
    return [_violation(e.project_id, e.title, e.stage, "征求意见期不少于30日", f"{BASIS}立项、起草、审查阶段的规定",
                       f"{e.title}{e.stage}阶段征求意见 {e.start_on:%Y-%m-%d} 至 {e.end_on:%Y-%m-%d}，仅 {e.days} 日，少于30日",
                       e.event_id) for e in found.itertuples()]


def hearing_for_major_interest(projects: pd.DataFrame, events: pd.DataFrame) -> list[dict]:
    """A matter of major public interest must go to a hearing during drafting (once drafting is over)."""
    out = []
    for p in projects[projects["major_public_interest"]].itertuples():
        past_drafting = p.stage not in ("立项", "起草")
        held = events[(events["project_id"] == p.project_id) & events["method"].isin(HEARINGS)]
        if past_drafting and held.empty:
            out.append(_violation(p.project_id, p.title, "起草", "重大公共利益事项应当举行听证", f"{BASIS}起草阶段的规定",
                                  f"{p.title}涉及重大公共利益，起草阶段未举行听证会"))
    return out


def feedback_published(events: pd.DataFrame) -> list[dict]:
    """Departments must report back on which opinions were adopted."""
    found = events[(events["opinions_received"] > 0) & ~events["feedback_published"]]
    return [_violation(e.project_id, e.title, e.stage, "应当公开意见采纳情况", f"{BASIS}意见反馈的规定",
                       f"{e.title}{e.stage}阶段“{e.method}”收到意见 {e.opinions_received} 条，未公开采纳情况反馈", e.event_id)
            for e in found.itertuples()]


def sufficient_before_review(projects: pd.DataFrame, events: pd.DataFrame) -> list[dict]:
    """Before review ends, drafting must have had public comment and at least one other method."""
    out = []
    for p in projects[projects["review_ended_on"].notna()].itertuples():
        drafting = events[(events["project_id"] == p.project_id) & (events["stage"] == "起草") & (events["start_on"] <= p.review_ended_on)]
        methods = set(drafting["method"])
        if PUBLIC_COMMENT not in methods or len(methods) < 2:
            out.append(_violation(p.project_id, p.title, "审查", "审查前公众参与应当充分", f"{BASIS}审查阶段的规定",
                                  f"{p.title}审查结束（{p.review_ended_on:%Y-%m-%d}）前，起草阶段参与方式仅有：{'、'.join(sorted(methods)) or '无'}"))
    return out


def violations(projects: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    found = (comment_period(events) + hearing_for_major_interest(projects, events) + feedback_published(events)
             + sufficient_before_review(projects, events))
    return pd.DataFrame(found, columns=COLUMNS)


def adoption_rates(events: pd.DataFrame, by: str) -> pd.DataFrame:
    """Opinions received and adopted, adoption and feedback rates, by 'method' or 'stage'."""
    grouped = events.groupby(by).agg(events=("event_id", "count"), received=("opinions_received", "sum"),
                                     adopted=("opinions_adopted", "sum"), feedback=("feedback_published", "mean")).reset_index()
    grouped["adoption_pct"] = 100.0 * grouped["adopted"] / grouped["received"].where(grouped["received"] > 0)
    grouped["feedback_pct"] = 100.0 * grouped["feedback"]
    return grouped.drop(columns="feedback")


def as_of(db: Database) -> date:
    return pd.Timestamp(db.query("legislation.as_of")["as_of"].iat[0]).date()


def load(db: Database) -> tuple[pd.DataFrame, pd.DataFrame]:
    return db.query("legislation.projects"), db.query("legislation.events")
