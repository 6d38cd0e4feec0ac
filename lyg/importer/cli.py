"""`python -m lyg import DOMAIN FILE`: validate, then apply all or nothing."""
from __future__ import annotations

import sys
from pathlib import Path

from lyg.importer.readers import ImportFileError
from lyg.validate import ContractError

IMPORTERS = {"catalog": "lyg.catalog.importer:import_catalog"}


def run(args, settings) -> int:
    module, func = IMPORTERS[args.domain].split(":")
    importer = getattr(__import__(module, fromlist=[func]), func)
    try:
        result = importer(Path(args.file), Path(settings.data_dir), Path(settings.db_path), user=args.user, sheet=args.sheet)
    except ImportFileError as exc:
        print(f"导入失败：{exc}", file=sys.stderr)
        return 2
    except ContractError as exc:
        print(f"导入失败，未写入任何数据。{exc}", file=sys.stderr)
        return 2
    print(f"导入成功：新增 {result.added} 条，更新 {result.replaced} 条，信息项 {result.items} 个；数据库已重建。")
    return 0
