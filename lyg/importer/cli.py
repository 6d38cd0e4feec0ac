"""`python -m lyg import DOMAIN FILE`: validate, then apply all or nothing."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from lyg import transaction
from lyg.filelock import data_lock
from lyg.importer.readers import ImportFileError
from lyg.validate import ContractError

log = logging.getLogger("lyg")


def _bar(fraction: float, text: str) -> None:
    filled = int(fraction * 30)
    print(f"\r[{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%} {text}".ljust(80), end="" if fraction < 1 else "\n",
          file=sys.stderr, flush=True)


def import_any(domain: str, path: Path, data_dir: Path, db_path: Path, *, user: str, sheet=None, crs=None, gcj02=False,
               progress=None, dry_run: bool = False):
    """The importer of a domain (the catalog has its national template; the rest follow their contracts). A dry run
    checks and previews the file and changes nothing."""
    with data_lock(db_path):  # from reading the current files to the commit: two imports never interleave
        transaction.recover(data_dir, db_path)
        if domain == "catalog":
            from lyg.catalog.importer import import_catalog
            return import_catalog(path, data_dir, db_path, user=user, sheet=sheet, dry_run=dry_run)
        from lyg.importer.generic import import_table
        return import_table(domain, path, data_dir, db_path, user=user, sheet=sheet, crs=crs, gcj02=gcj02, progress=progress,
                            dry_run=dry_run)


def run(args, settings) -> int:
    data_dir, db_path = Path(settings.data_dir), Path(settings.db_path)
    try:
        result = import_any(args.domain, Path(args.file), data_dir, db_path, user=args.user, sheet=args.sheet,
                            crs=args.crs, gcj02=args.gcj02, progress=_bar, dry_run=args.dry_run)
    except ImportFileError as exc:
        print(f"导入失败：{exc}", file=sys.stderr)
        return 2
    except ContractError as exc:
        print(f"导入失败，未写入任何数据。{exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        log.exception("import of %s failed", args.file)
        print(f"导入失败，未写入任何数据：{Path(args.file).name}：{type(exc).__name__}（详见日志）", file=sys.stderr)
        return 2
    for warning in result.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    items = f"，信息项 {result.items} 个" if result.items else ""
    departments = f"，登记新部门 {result.new_departments} 个" if result.new_departments else ""
    if args.dry_run:
        print(f"校验通过（试运行，未写入）：将新增 {result.added} 条，更新 {result.replaced} 条{items}{departments}；"
              f"规范化提示 {len(result.warnings)} 处。")
    else:
        print(f"导入成功：新增 {result.added} 条，更新 {result.replaced} 条{items}{departments}；数据库已重建。")
    return 0
