"""Read the source files in data/ as raw frames: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030), Parquet, GeoJSON."""
from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from lyg.contracts import Table
from lyg.geo import parse_geojson_geometry
from lyg.validate import ROW

EXTENSIONS = (".csv", ".parquet", ".geojson")
ENCODINGS = ("utf-8-sig", "gb18030")


def source_path(table: Table, data_dir: Path) -> Path:
    """The one source file of a table; an error if there is none or more than one."""
    found = [data_dir / f"{table.stem}{ext}" for ext in EXTENSIONS if (data_dir / f"{table.stem}{ext}").exists()]
    if not found:
        raise FileNotFoundError(f"缺少数据文件 {table.stem}.csv / .parquet / .geojson（表 {table.name}）")
    if len(found) > 1:
        raise FileExistsError(f"表 {table.name} 有多个数据文件：{', '.join(p.name for p in found)}")
    return found[0]


def decode_text(raw: bytes, name: str) -> str:
    """Text of a file in UTF-8 (with or without BOM) or GB18030 (a superset of GBK), tried in that order."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"{name}：无法识别文件编码（支持 UTF-8 与 GBK/GB18030）")


def read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV with every cell as text; the encoding is detected."""
    text = decode_text(path.read_bytes(), path.name)
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def read_geojson(path: Path) -> pd.DataFrame:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("type") != "FeatureCollection":
        raise ValueError(f"{path.name}：应为 GeoJSON FeatureCollection")
    rows = []
    for feature in data.get("features", []):
        row = dict(feature.get("properties") or {})
        row["geometry"] = parse_geojson_geometry(feature.get("geometry"))
        rows.append(row)
    frame = pd.DataFrame(rows)
    for col in frame.columns:
        if col != "geometry":
            frame[col] = frame[col].map(lambda v: "" if v is None else str(v).lower() if isinstance(v, bool) else str(v))
    return frame


def read_raw(table: Table, data_dir: Path) -> tuple[pd.DataFrame, str]:
    """(raw frame with a person-counted row number, file name) for one table."""
    path = source_path(table, data_dir)
    if path.suffix == ".csv":
        frame = read_csv_text(path)
        first_row = 2  # line 1 is the header
    elif path.suffix == ".parquet":
        # self_destruct frees each Arrow column once converted: large files need half the memory
        frame = pq.read_table(path).to_pandas(self_destruct=True, split_blocks=True)
        first_row = 1
    else:
        frame = read_geojson(path)
        first_row = 1  # the n-th feature
    frame[ROW] = np.arange(first_row, first_row + len(frame), dtype=np.int32)
    return frame, path.name


def read_chunks(table: Table, data_dir: Path, rows: int) -> Iterator[pd.DataFrame]:
    """The raw frame of a table in pieces of at most `rows` rows, numbered as read_raw numbers them. A Parquet file is
    read a batch at a time, so a table of 100 M rows never sits in memory whole."""
    path = source_path(table, data_dir)
    if path.suffix != ".parquet":
        frame, _ = read_raw(table, data_dir)
        for start in range(0, max(len(frame), 1), rows):
            yield frame.iloc[start:start + rows]
        return
    first_row = 1
    for batch in pq.ParquetFile(path).iter_batches(batch_size=rows):
        frame = batch.to_pandas(split_blocks=True)
        frame[ROW] = np.arange(first_row, first_row + len(frame), dtype=np.int32)
        first_row += len(frame)
        yield frame


def fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
