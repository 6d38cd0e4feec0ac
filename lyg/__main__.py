"""Command line: python -m lyg {build,sample,bench,fireworks} ..."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lyg.config import load_settings
from lyg.validate import ContractError


def _preflight(args, settings) -> int:
    from lyg.config import exposure_problem
    address = "127.0.0.1"  # .streamlit/config.toml
    for i, arg in enumerate(args.streamlit_args):
        if arg.startswith("--server.address="):
            address = arg.split("=", 1)[1]
        elif arg == "--server.address" and i + 1 < len(args.streamlit_args):
            address = args.streamlit_args[i + 1]
    problem = exposure_problem(settings, address)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    return 0


def _build(args, settings) -> int:
    from lyg.build import build
    report = build(Path(args.data or settings.data_dir), Path(args.db or settings.db_path))
    total = sum(report.rows.values())
    print(f"已生成 {report.db_path}：{len(report.rows)} 张表，{total:,} 行，用时 {report.seconds:.1f} 秒")
    sample = {t: n for t, n in report.sample_rows.items() if n}
    if sample:  # a generated value is labelled wherever it is read, the terminal included
        print(f"其中示例数据（程序生成，非官方统计）{sum(sample.values()):,} 行，涉及 {len(sample)} 张表：{'、'.join(sorted(sample))}")
    if args.report_peak:  # for the benchmark: VmHWM belongs to this program's own memory map (ru_maxrss
        # would carry the parent's peak over from fork)
        status = Path("/proc/self/status").read_text()
        kb = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
        print(f"peak_mb={kb / 1024:.0f}")
    return 0


def _sample(args, settings) -> int:
    from lyg.sample.generate import generate
    generate(Path(args.out or settings.data_dir))
    print(f"示例数据已写入 {args.out or settings.data_dir}")
    return 0


def _docs(args, settings) -> int:
    import tempfile

    from lyg.build import build
    from lyg.docs import data_readme, read_statements
    with tempfile.TemporaryDirectory() as scratch:  # the build counts the rows by provenance, chunked tables too
        counts = build(Path(settings.data_dir), Path(scratch) / "docs.duckdb").counts
    target = Path(settings.data_dir) / "README.md"
    target.write_text(data_readme(counts, read_statements(settings.data_dir)), encoding="utf-8")
    print(f"已写入 {target}")
    return 0


def _bench(args, settings) -> int:
    from lyg.bench import run_bench
    readers = tuple(int(n) for n in args.readers.split(",") if n.strip()) if args.readers else ()
    run_bench(scale=args.scale, repeats=args.repeats, workdir=Path(args.workdir) if args.workdir else None,
              pages=not args.no_pages, readers=readers, browser=args.browser, ingest=args.ingest)
    return 0


def _template(args, settings) -> int:
    from lyg.importer.template import TEMPLATE_DOMAINS, template_bytes
    if args.domain not in TEMPLATE_DOMAINS:
        print(f"没有“{args.domain}”的 Excel 模板：可用 {'、'.join(TEMPLATE_DOMAINS)}（区域图形请以 GeoJSON、Shapefile 或 GeoPackage 导入）",
              file=sys.stderr)
        return 2
    target = Path(args.out or f"{args.domain}_模板.xlsx")
    target.write_bytes(template_bytes(args.domain, Path(settings.data_dir)))
    print(f"已写入模板 {target}（“数据”表填写，“填写说明”表列出每列含义、允许值与示例）")
    return 0


def _import(args, settings) -> int:
    from lyg.importer.cli import run
    return run(args, settings)


def _user(args, settings) -> int:
    import getpass

    from lyg.auth import accounts
    path = Path(settings.users_file)
    if args.user_command == "add":
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("密码：")
        accounts.add_user(path, args.name, args.role, password)
        print(f"已添加用户 {args.name}（{args.role}）到 {path}")
    elif args.user_command == "unlock":
        accounts.unlock(path, args.name)
        print(f"已解除 {args.name} 的锁定")
    elif args.user_command == "ingest-token":
        print("接入令牌（只显示这一次，旧令牌随即失效；仅可用于 POST /incidents）：")
        print(accounts.new_ingest_token(path))
    else:
        token = accounts.new_wall_token(path)
        print("大屏令牌（只显示这一次，旧令牌随即失效）：")
        print(token)
        print(f"大屏地址：http://<服务器>:8501/?wall=1&token={token}")
    return 0


def _ingest(args, settings) -> int:
    import json

    from lyg.db import Database
    if args.ingest_command == "serve":
        from lyg.ingest_server import serve
        print(f"事件接入服务：http://{args.host}:{args.port}/incidents（POST，需接入令牌）", file=sys.stderr)
        serve(Path(settings.db_path), Path(settings.users_file), args.port, args.host)
        return 0
    if args.ingest_command == "watch":
        from lyg import live
        print(f"监视投放目录 {args.folder}（处理后移入 done/ 或 rejected/）", file=sys.stderr)
        live.watch(Database(Path(settings.db_path)), Path(args.folder), interval=args.interval)
        return 0
    if args.ingest_command == "compact":
        from lyg.compact import compact
        report = compact(Path(settings.data_dir), Path(settings.db_path))
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return 0
    if args.ingest_command == "pg":
        from lyg.pg_source import Source, run
        run(Database(Path(settings.db_path)), Source(args.dsn, args.table, args.watermark), interval=args.interval, once=args.once)
        return 0
    from lyg import live
    report = live.ingest_file(Database(Path(settings.db_path)), Path(args.path))
    print(json.dumps(report.as_json(), ensure_ascii=False))
    return 0 if not report.rejected else 1


def _sql(args, settings) -> int:
    """The SQL page's locked-down, read-only console from the command line, as CSV (live data included)."""
    from lyg import sqlconsole
    from lyg.i18n import render
    con = sqlconsole.open_console(Path(settings.db_path))
    try:
        result = sqlconsole.run_query(con, args.query)
    except sqlconsole.QueryRefused as exc:
        print(f"查询被拒绝：{render(exc.message)}", file=sys.stderr)
        return 2
    finally:
        con.close()
    sys.stdout.write(result.frame.to_csv(index=False))
    if result.truncated:
        print(f"（结果已截断：最多 {sqlconsole.Limits().rows:,} 行）", file=sys.stderr)
    return 0


def _brief(args, settings) -> int:
    from datetime import date

    from lyg.brief import compose, render
    from lyg.db import Database
    from lyg.i18n import translator
    brief = compose(Database(Path(settings.db_path)), date.fromisoformat(args.as_of) if args.as_of else None,
                    args.district or "", translator(args.lang))
    out = Path(args.out or f"简报_{brief.as_of:%Y%m%d}{'_' + args.district if args.district else ''}.{args.format}")
    out.write_bytes(render(brief, args.format))
    print(f"已写入 {out}")
    if brief.has_sample:  # the terminal says it too: the brief holds generated values, marked 示例 inside
        print("注意：简报中标“示例”的指标含程序生成的示例数据，非官方统计")
    return 0


def _notify(args, settings) -> int:
    import json
    import time

    from lyg import notify
    from lyg.db import Database
    from lyg.i18n import translator
    hooks = notify.hooks_from_settings(settings.webhooks)
    if not hooks:
        print("没有配置 webhooks：在 lyg.toml 写 [[webhooks]]（name、kind、url），或设置 LYG_WEBHOOKS", file=sys.stderr)
        return 2
    log = notify.SentLog(Path(args.sent_log) if args.sent_log else Path(settings.db_path).with_suffix(".notify-sent.jsonl"))
    db, tr = Database(Path(settings.db_path)), translator(args.lang)
    while True:
        report = notify.notify_once(db, hooks, log, settings.public_url, tr)
        if args.brief:
            daily = notify.send_brief(db, hooks, log, settings.public_url, tr)
            report.sent, report.already, report.failed = report.sent + daily.sent, report.already + daily.already, report.failed + daily.failed
        print(json.dumps(report.as_json(), ensure_ascii=False), flush=True)
        if not args.every:
            return 0 if not report.failed else 1
        time.sleep(args.every)


def _fireworks(args, settings) -> int:
    from lyg.fireworks import cli
    return cli.run(args, settings)


def _data_commands(sub) -> None:
    """build, sample, docs, preflight, bench."""
    b = sub.add_parser("build", help="由 data/ 源文件生成 DuckDB 数据库")
    b.add_argument("--data"), b.add_argument("--db")
    b.add_argument("--report-peak", action="store_true", help=argparse.SUPPRESS)
    b.set_defaults(func=_build)
    s = sub.add_parser("sample", help="重新生成示例数据（固定随机种子）")
    s.add_argument("--out")
    s.set_defaults(func=_sample)
    sub.add_parser("docs", help="由数据契约生成 data/README.md").set_defaults(func=_docs)
    pre = sub.add_parser("preflight", help="启动前检查：未启用登录时拒绝在网络地址上提供服务")
    pre.add_argument("streamlit_args", nargs="*", help="streamlit run 的参数（如 --server.address 0.0.0.0）")
    bench = sub.add_parser("bench", help="性能基准：构建耗时、各命名查询中位延迟、整页运行与发送字节、并发读者、峰值内存")
    bench.add_argument("--scale", type=int, default=1_000_000, help="事件行数（最多 100,000,000）")
    bench.add_argument("--ingest", action="store_true", help="实时接入：持续接入的吞吐、到达至可见的延迟、接入进行中的整页运行")
    bench.add_argument("--repeats", type=int, default=5)
    bench.add_argument("--workdir")
    bench.add_argument("--no-pages", action="store_true", help="不测整页脚本运行")
    bench.add_argument("--browser", action="store_true", help="在无头 Chromium 中测每页从打开到完成的时间（需 playwright 与 chromium）")
    bench.add_argument("--readers", default="", help="并发读者轮次，如 1,10,20,50：一台服务器上同时打开页面的会话数")
    bench.set_defaults(func=_bench)


def _import_commands(sub) -> None:
    """import and template: department files in (the one list of import domains)."""
    from lyg.importer.generic import DOMAIN_LABELS
    imp = sub.add_parser("import", help="导入部门数据文件（校验全部通过才写入，失败不改变任何数据）")
    imp.add_argument("domain", choices=list(DOMAIN_LABELS), help="数据领域")
    imp.add_argument("file", help="CSV（UTF-8/GBK）或 .xlsx 文件")
    imp.add_argument("--sheet", help="Excel 工作表名（默认第一个）")
    imp.add_argument("--user", default="cli", help="操作人（记入导入日志）")
    imp.add_argument("--crs", help="几何文件未声明坐标系时指定，如 EPSG:4490")
    imp.add_argument("--gcj02", action="store_true", help="坐标为高德 GCJ-02，导入时转换为 WGS84")
    imp.add_argument("--dry-run", action="store_true", help="只校验并列出错误与规范化提示，不写入任何数据")
    imp.set_defaults(func=_import)
    tpl = sub.add_parser("template", help="生成某一数据领域的 Excel 填报模板（含填写说明与下拉选项）")
    tpl.add_argument("domain", choices=list(DOMAIN_LABELS), help="数据领域")
    tpl.add_argument("--out", help="输出文件（默认 <领域>_模板.xlsx）")
    tpl.set_defaults(func=_template)


def _ingest_commands(sub) -> None:
    """ingest file | serve | watch | compact | pg."""
    ing = sub.add_parser("ingest", help="实时接入事件：追加批次而不重建（按 incident_id 去重）")
    ing_sub = ing.add_subparsers(dest="ingest_command", required=True)
    ing_file = ing_sub.add_parser("file", help="追加一个文件（CSV 或 JSON Lines），输出 JSON 结果")
    ing_file.add_argument("path")
    ing_serve = ing_sub.add_parser("serve", help="HTTP 接入：POST /incidents（JSON 数组，Bearer 令牌）")
    ing_serve.add_argument("--port", type=int, default=8600)
    ing_serve.add_argument("--host", default="127.0.0.1")
    ing_watch = ing_sub.add_parser("watch", help="监视投放目录：新文件逐个接入，处理后移入 done/ 或 rejected/，并附结果 JSON")
    ing_watch.add_argument("folder")
    ing_watch.add_argument("--interval", type=float, default=2.0, help="检查间隔（秒）")
    ing_sub.add_parser("compact", help="把已接入的批次并入 data/ 并重建数据库（一次提交；读者不会重复计数）")
    ing_pg = ing_sub.add_parser("pg", help="从 PostgreSQL 协议数据库（含人大金仓、openGauss）的表按水位列轮询")
    ing_pg.add_argument("--dsn", required=True, help="如 postgresql://user@host:5432/db（口令请用 PGPASSWORD 或 .pgpass）")
    ing_pg.add_argument("--table", required=True)
    ing_pg.add_argument("--watermark", required=True, help="单调递增的列，如 reported_at 或自增编号")
    ing_pg.add_argument("--interval", type=float, default=5.0, help="轮询间隔（秒）")
    ing_pg.add_argument("--once", action="store_true", help="只轮询一次")
    ing.set_defaults(func=_ingest)


def _tool_commands(sub) -> None:
    """sql and user."""
    sql = sub.add_parser("sql", help="只读 SQL 查询（与“SQL 查询”页同样的限制），输出 CSV")
    sql.add_argument("query")
    sql.set_defaults(func=_sql)
    user = sub.add_parser("user", help="本地账户：添加用户、解除锁定、生成大屏令牌（账户文件见 LYG_USERS_FILE）")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="添加或重设用户（密码以 bcrypt 哈希保存）")
    add.add_argument("name"), add.add_argument("--role", required=True, choices=["leader", "analyst", "admin"])
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")
    user_sub.add_parser("unlock", help="解除锁定").add_argument("name")
    user_sub.add_parser("wall-token", help="生成新的大屏令牌（仅授予大屏角色）")
    user_sub.add_parser("ingest-token", help="生成新的事件接入令牌（仅可调用 POST /incidents）")
    user.set_defaults(func=_user)


def _leader_commands(sub) -> None:
    """brief and notify."""
    brief = sub.add_parser("brief", help="生成简报（.docx 或 PDF）：关键指标对照目标、预警、两幅图表与数据说明")
    brief.add_argument("--as-of", help="数据截至日（YYYY-MM-DD），须与数据库一致；省略时取数据库的数据截至日")
    brief.add_argument("--format", choices=["docx", "pdf"], default="docx")
    brief.add_argument("--district", help="县区代码（如 320706 海州区）；省略为全市")
    brief.add_argument("--lang", choices=["zh", "en"], default="zh")
    brief.add_argument("--out", help="输出文件（默认 简报_<日期>[_<县区>].<格式>）")
    brief.set_defaults(func=_brief)
    ntf = sub.add_parser("notify", help="把新预警推送到配置的 webhook（通用 JSON、钉钉、企业微信），每条只发一次")
    ntf.add_argument("--every", type=float, default=0, help="循环模式：每隔多少秒检查一次（省略则只运行一次，供 cron 或 systemd 定时器调用）")
    ntf.add_argument("--brief", action="store_true", help="同时推送当日简报（每个数据截至日每个 webhook 一次）")
    ntf.add_argument("--lang", choices=["zh", "en"], default="zh")
    ntf.add_argument("--sent-log", help="发送记录（JSON Lines），默认在数据库旁")
    ntf.set_defaults(func=_notify)


def _fireworks_commands(sub) -> None:
    """fireworks check | zones."""
    from lyg.vocab import PRODUCT_KINDS
    fw = sub.add_parser("fireworks", help="烟花爆竹禁放规则查询")
    fw_sub = fw.add_subparsers(dest="fw_command", required=True)
    check = fw_sub.add_parser("check", help="判断某地某时是否禁止燃放，输出 JSON")
    check.add_argument("lon"), check.add_argument("lat"), check.add_argument("when")
    check.add_argument("--kind", choices=list(PRODUCT_KINDS), default=PRODUCT_KINDS[0], help="烟花爆竹种类（通告禁止市民燃放某些种类）")
    zones = fw_sub.add_parser("zones", help="输出某日施行的禁放区域（GeoJSON，WGS84）")
    zones.add_argument("--on")
    fw.set_defaults(func=_fireworks)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m lyg", description="连云港城市大脑态势感知：数据与分析命令")
    sub = p.add_subparsers(dest="command", required=True)
    for add in (_data_commands, _import_commands, _ingest_commands, _tool_commands, _leader_commands, _fireworks_commands):
        add(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["preflight"]:  # takes streamlit's own options, which argparse would refuse
        return _preflight(argparse.Namespace(streamlit_args=argv[1:]), load_settings())
    args = parser().parse_args(argv)
    settings = load_settings()
    try:
        return args.func(args, settings)
    except ContractError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (ValueError, FileNotFoundError) as exc:  # includes AuthError
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
