"""Compliance rules of 《连云港市公众参与政府立法办法》 (连政办发〔2018〕187号), one function each.

Each rule returns violations: project, stage, rule code, rule, basis and a plain sentence (Chinese unless tr says otherwise).
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from lyg.db import Database
from lyg.i18n import ZH, Translator

COMMENT_STAGES = ("立项", "起草", "审查")
MIN_COMMENT_DAYS = 30
PUBLIC_COMMENT = "向社会公布征求意见"
HEARINGS = ("听证会", "网上听证")
COLUMNS = ["project_id", "title", "stage", "rule_code", "rule", "basis", "detail", "event_id"]
COMMENT_PERIOD, HEARING, FEEDBACK, SUFFICIENT = "comment_period", "hearing", "feedback", "sufficient"


def _violation(tr: Translator, code: str, project_id, title, stage, event_id=None, **facts) -> dict:
    """One breach: the rule's code, its name and basis, and a sentence from the facts, in tr's language."""
    detail = tr(f"legislation_rule.{code}.detail", title=title, stage=tr.value(stage), **facts)
    return dict(zip(COLUMNS, (project_id, title, stage, code, tr(f"legislation_rule.{code}"), tr(f"legislation_rule.{code}.basis", basis=tr("legislation_rule.measures")), detail, event_id)))


def comment_period(events: pd.DataFrame, tr: Translator = ZH) -> list[dict]:
    """Public comment at 立项, 起草 and 审查 lasts at least 30 days. 《办法》 says "不少于30日" without a counting rule, so
    the general rule for periods applies (民法典 第二百零一条): the day it opens is not counted. Open 03-01, close 03-31:
    30 days, passes; close 03-30: 29 days, fails."""
    found = events[(events["method"] == PUBLIC_COMMENT) & events["stage"].isin(COMMENT_STAGES) & (events["period_days"] < MIN_COMMENT_DAYS)]
    return [_violation(tr, COMMENT_PERIOD, e.project_id, e.title, e.stage, e.event_id, start=f"{e.start_on:%Y-%m-%d}",
                       end=f"{e.end_on:%Y-%m-%d}", days=e.period_days) for e in found.itertuples()]


def comment_period_compliance(events: pd.DataFrame) -> float:
    """The share (%) of public comment periods at the three stages that last 30 days as the rule counts them."""
    comments = events[(events["method"] == PUBLIC_COMMENT) & events["stage"].isin(COMMENT_STAGES)]
    return 100.0 * (comments["period_days"] >= MIN_COMMENT_DAYS).mean() if len(comments) else 100.0


def hearing_for_major_interest(projects: pd.DataFrame, events: pd.DataFrame, tr: Translator = ZH) -> list[dict]:
    """A matter of major public interest must go to a hearing during drafting (once drafting is over)."""
    heard = set(events.loc[events["method"].isin(HEARINGS), "project_id"])
    due = projects[projects["major_public_interest"] & ~projects["stage"].isin(("立项", "起草")) & ~projects["project_id"].isin(heard)]
    return [_violation(tr, HEARING, p.project_id, p.title, "起草") for p in due.itertuples()]


def feedback_published(events: pd.DataFrame, tr: Translator = ZH) -> list[dict]:
    """Departments must report back on which opinions were adopted."""
    found = events[(events["opinions_received"] > 0) & ~events["feedback_published"]]
    return [_violation(tr, FEEDBACK, e.project_id, e.title, e.stage, e.event_id, method=tr.value(e.method), received=e.opinions_received)
            for e in found.itertuples()]


def sufficient_before_review(projects: pd.DataFrame, events: pd.DataFrame, tr: Translator = ZH) -> list[dict]:
    """Before review ends, drafting must have had public comment and at least one other method."""
    reviewed = projects[projects["review_ended_on"].notna()]
    drafting = events[events["stage"] == "起草"].merge(reviewed[["project_id", "review_ended_on"]], on="project_id")
    drafting = drafting[drafting["start_on"] <= drafting["review_ended_on"]]
    methods_by_project = drafting.groupby("project_id")["method"].agg(set).to_dict()
    out = []
    for p in reviewed.itertuples():
        methods = methods_by_project.get(p.project_id, set())
        if PUBLIC_COMMENT not in methods or len(methods) < 2:
            used = tr.join(sorted(methods)) or tr("legislation_rule.none")
            out.append(_violation(tr, SUFFICIENT, p.project_id, p.title, "审查", ended=f"{p.review_ended_on:%Y-%m-%d}", methods=used))
    return out


def violations(projects: pd.DataFrame, events: pd.DataFrame, tr: Translator = ZH) -> pd.DataFrame:
    found = (comment_period(events, tr) + hearing_for_major_interest(projects, events, tr) + feedback_published(events, tr)
             + sufficient_before_review(projects, events, tr))
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
