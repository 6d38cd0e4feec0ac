"""Digital-government framework, systems, projects and indicators; legislation projects and events."""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from lyg.sample.io import write_csv

COMPONENTS = [
    ("C1", "政府网站总门户", "4个一", "城市门面", "一网：全市政府网站集约化的总门户"),
    ("C2", "政务云", "4个一", "城市骨架", "一云：全市统一的政务云平台"),
    ("C3", "“我的连云港”APP", "4个一", "城市移动客户端", "一端：面向市民的移动服务入口"),
    ("C4", "大数据资源目录", "4个一", "城市血管", "一目录：全市政务数据资源的统一目录"),
    ("C5", "智慧城市运营中心", "3中心", "城市大脑", "态势感知 + 控制指挥"),
    ("C6", "城市大数据中心", "3中心", "城市心脏", "数据资源 + 运算能力"),
    ("C7", "城市数据灾备中心", "3中心", "城市血站", "同城灾备 + 异地灾备"),
]
SYSTEMS = [("S1", "智能化支撑体系"), ("S2", "一体化政务数据体系"), ("S3", "便捷化服务体系"),
           ("S4", "协同化运行体系"), ("S5", "精准化治理体系")]
# (name, system, components, lead department, phase, named in a source document)
PROJECTS = [
    ("政府网站总门户", "S3", "C1", "市政务服务管理办公室", 2019, True),
    ("政务云", "S1", "C2", "市工业和信息化局", 2019, True),
    ("城市大脑", "S5", "C5", "市政务服务管理办公室", 2020, True),
    ("数据共享平台", "S2", "C4;C6", "市政务服务管理办公室", 2019, True),
    ("“我的连云港”APP", "S3", "C3", "市政务服务管理办公室", 2019, True),
    ("领导决策支持平台", "S5", "C5", "市政府办公室", 2020, True),
    ("综合协同办公系统", "S4", "", "市政府办公室", 2019, True),
    ("大数据资源目录系统", "S2", "C4", "市政务服务管理办公室", 2019, False),
    ("城市大数据中心", "S1", "C6", "市工业和信息化局", 2020, False),
    ("城市数据灾备中心", "S1", "C7", "市工业和信息化局", 2021, False),
    ("政务服务“一网通办”平台", "S3", "C1;C3", "市政务服务管理办公室", 2020, False),
    ("统一身份认证平台", "S1", "C3", "市政务服务管理办公室", 2019, False),
    ("电子证照库", "S2", "C4", "市政务服务管理办公室", 2020, False),
    ("公共信用信息平台", "S2", "C4", "市发展和改革委员会", 2020, False),
    ("网格化社会治理平台", "S5", "C5", "市委政法委", 2021, False),
    ("生态环境监测大数据平台", "S5", "C5;C6", "市生态环境局", 2021, False),
    ("智慧交通综合平台", "S5", "C5", "市交通运输局", 2021, False),
    ("12345政务服务热线整合", "S4", "C3", "市政务服务管理办公室", 2020, False),
]
INDICATORS = [  # code, name, unit, baseline 2018, targets 2019-2022
    ("I1", "政务服务事项网上可办率", "%", 62.0, (75, 85, 92, 98)),
    ("I2", "政务数据共享率", "%", 35.0, (50, 65, 78, 90)),
    ("I3", "政务系统上云率", "%", 20.0, (45, 70, 85, 95)),
    ("I4", "“我的连云港”APP注册用户", "万人", 8.0, (40, 90, 140, 200)),
    ("I5", "数据资源目录编目覆盖率", "%", 40.0, (70, 90, 100, 100)),
    ("I6", "“最多跑一次”事项占比", "%", 70.0, (85, 92, 96, 99)),
]


def projects(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for i, (name, system, comps, lead, phase, named) in enumerate(PROJECTS, start=1):
        start = date(phase, int(rng.integers(1, 7)), 1)
        months = int(rng.integers(12, 30))
        end_month = start.month - 1 + months
        end = date(start.year + end_month // 12, end_month % 12 + 1, 1) - timedelta(days=1)
        rows.append((f"P{i:02d}", name, system, comps, lead, phase, start.isoformat(), end.isoformat(),
                     float(rng.integers(8, 60) * 100), named, "illustrative"))
    return pd.DataFrame(rows, columns=["project_code", "name", "system_code", "component_codes", "lead_department",
                                       "phase_year", "planned_start", "planned_end", "budget_wan", "named_in_source",
                                       "provenance"])


def progress(frame: pd.DataFrame, rng: np.random.Generator, as_of: date) -> pd.DataFrame:
    """Monthly cumulative progress: the plan shifted by a project's delay. As a three-year programme plausibly went,
    most projects finish close to plan, a few run late by months and then finish; none is left hanging years on."""
    rows = []
    delays = rng.choice([0, 30, 60, 120, 240, 400], size=len(frame), p=(0.3, 0.25, 0.2, 0.13, 0.08, 0.04))
    for i, p in enumerate(frame.itertuples()):
        start, end = pd.Timestamp(p.planned_start), pd.Timestamp(p.planned_end)
        span = max((end - start).days, 1)
        overspend = rng.choice([1.0, 1.05, 1.25], p=(0.6, 0.25, 0.15))
        actual = 0.0
        for m in pd.date_range(start, pd.Timestamp(as_of), freq="MS"):
            elapsed = (m - start).days + 30
            planned = min(100.0, 100.0 * elapsed / span)
            target = min(100.0, max(0.0, 100.0 * (elapsed - delays[i]) / span))
            actual = min(100.0, max(actual, target + rng.normal(0, 1.0)))
            if target >= 100.0:
                actual = 100.0
            spent = p.budget_wan * actual / 100 * overspend
            rows.append((p.project_code, m.date().isoformat(), round(planned, 1), round(max(actual, 0), 1), round(spent, 1)))
    frame = pd.DataFrame(rows, columns=["project_code", "month", "planned_pct", "actual_pct", "spent_wan"])
    frame["provenance"] = "illustrative"
    return frame


def indicators(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for code, name, unit, base, targets in INDICATORS:
        rows.append((code, name, unit, 2018, None, base))
        for year, target in zip(range(2019, 2023), targets):
            actual = round(target * rng.uniform(0.9, 1.05), 1)
            rows.append((code, name, unit, year, float(target), actual))
    frame = pd.DataFrame(rows, columns=["indicator_code", "name", "unit", "year", "target", "actual"])
    frame["provenance"] = "illustrative"
    return frame


# Invented titles, each marked 示例 where it is read (as 示例企业NNN in the bonded zone).
LEG_TITLES = [f"{title}（示例）" for title in (
    "连云港市城市绿化管理办法", "连云港市停车场管理办法", "连云港市养犬管理规定", "连云港市城市排水管理办法",
    "连云港市公共数据管理办法", "连云港市海岸带保护办法", "连云港市电梯安全管理办法", "连云港市燃气管理办法",
    "连云港市既有住宅加装电梯办法", "连云港市文明行为促进办法", "连云港市农村生活垃圾管理办法",
    "连云港市历史文化街区保护办法", "连云港市物业管理办法", "连云港市海上渔业安全管理办法",
    "连云港市烟花爆竹燃放管理规定", "连云港市政务数据共享开放办法")]
STAGES = ("立项", "起草", "审查", "审议", "实施")


def legislation(rng: np.random.Generator, as_of: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    projects_rows, events = [], []
    for i, title in enumerate(LEG_TITLES, start=1):
        pid = f"L{i:02d}"
        initiated = date(2019, 3, 1) + timedelta(days=(i - 1) * 175 + int(rng.integers(0, 60)))
        major = bool(rng.random() < 0.4)
        day, stage = initiated, "立项"
        for stage_name in STAGES[:3]:
            if day > as_of:
                break
            stage = stage_name
            length = int(rng.choice([29, 30, 31, 35, 45], p=(0.08, 0.12, 0.3, 0.3, 0.2)))
            events.append(_event(pid, stage_name, "向社会公布征求意见", day, length, rng))
            if stage_name == "起草":
                events.append(_event(pid, stage_name, "座谈会", day + timedelta(days=10), 1, rng))
                if major and rng.random() < 0.8:
                    events.append(_event(pid, stage_name, "听证会", day + timedelta(days=20), 1, rng, hearing=True))
                if rng.random() < 0.3:
                    events.append(_event(pid, stage_name, "网上听证", day + timedelta(days=15), 7, rng))
            day += timedelta(days=int(rng.integers(120, 330)))
        review_end = day if stage == "审查" and day <= as_of else None
        adopted = day + timedelta(days=30) if review_end and day + timedelta(days=30) <= as_of else None
        if adopted:
            stage = "实施" if adopted + timedelta(days=30) <= as_of else "审议"
        projects_rows.append((pid, title, "市" + rng.choice(["城市管理局", "住房和城乡建设局", "生态环境局", "公安局", "司法局"]),
                              major, stage, initiated.isoformat(), review_end.isoformat() if review_end else "",
                              adopted.isoformat() if adopted else "", "illustrative"))
    frame = pd.DataFrame(projects_rows, columns=["project_id", "title", "lead_department", "major_public_interest", "stage",
                                                  "initiated_on", "review_ended_on", "adopted_on", "provenance"])
    ev = pd.DataFrame(events, columns=["project_id", "stage", "method", "start_on", "end_on", "participants",
                                       "opinions_received", "opinions_adopted", "feedback_published",
                                       "public_members", "officials", "experts"])
    ev = ev[pd.to_datetime(ev["start_on"]) <= pd.Timestamp(as_of)]
    ev.insert(0, "event_id", [f"EV{i:03d}" for i in range(1, len(ev) + 1)])
    ev["provenance"] = "illustrative"
    return frame, ev


def _event(pid: str, stage: str, method: str, start: date, days: int, rng: np.random.Generator, hearing: bool = False):
    end = start + timedelta(days=days) if days > 1 else start  # a period of `days` days: the first day is not counted
    received = int(rng.integers(5, 300))
    members = (int(rng.integers(8, 16)), int(rng.integers(3, 6)), int(rng.integers(2, 5))) if hearing else (None, None, None)
    participants = sum(members) if hearing else int(rng.integers(10, 800))
    return (pid, stage, method, start.isoformat(), end.isoformat(), participants, received,
            int(received * rng.uniform(0.05, 0.4)), bool(rng.random() < 0.85), *members)


def write(data_dir: Path, rng: np.random.Generator, as_of: date) -> None:
    write_csv(pd.DataFrame(COMPONENTS, columns=["component_code", "name", "group_name", "metaphor", "role"]).assign(provenance="real"),
              data_dir / "dg_components.csv")
    write_csv(pd.DataFrame(SYSTEMS, columns=["system_code", "name"]).assign(
        provenance="real", source="《连云港市加快数字政府建设的实施意见》（2018-12-27）"), data_dir / "dg_systems.csv")
    proj = projects(rng)
    write_csv(proj, data_dir / "dg_projects.csv")
    write_csv(progress(proj, rng, as_of), data_dir / "dg_progress.csv")
    write_csv(indicators(rng), data_dir / "dg_indicators.csv")
    leg, events = legislation(rng, as_of)
    write_csv(leg, data_dir / "leg_projects.csv")
    write_csv(events, data_dir / "leg_events.csv")
