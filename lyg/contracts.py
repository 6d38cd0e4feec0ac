"""Data contracts: every source table's columns, types, units, keys and accepted values.

One declaration serves three purposes: the DuckDB DDL, the build's validation, and the schema
documentation (data/README.md and the SQL console's schema browser).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lyg import vocab as v
from lyg.codes import credit_code_problem


@dataclass(frozen=True)
class Col:
    name: str
    type: str  # VARCHAR, BIGINT, INTEGER, DOUBLE, BOOLEAN, DATE, TIMESTAMP, GEOMETRY
    label: str  # Chinese description shown to users
    unit: str = ""
    required: bool = True
    accepted: tuple = ()
    min: float | None = None
    max: float | None = None
    past: bool = False  # a date something happened or was recorded: never after the build's day
    check: object = None  # Callable[[str], Message | None]: a value's own rule (a check digit), None when it holds


@dataclass(frozen=True)
class Rule:
    """A rule across columns of one row: `holds(frame)` is a boolean Series (NA where it cannot be judged)."""
    columns: tuple[str, ...]
    holds: object  # Callable[[pd.DataFrame], pd.Series]
    message: str  # i18n key of the rule, given the columns' labels


@dataclass(frozen=True)
class Table:
    name: str
    stem: str  # source file name without extension; .csv, .parquet or .geojson
    label: str
    key: tuple[str, ...]
    columns: tuple[Col, ...]
    provenance: str  # real | illustrative | mixed
    references: dict = field(default_factory=dict)  # column -> (table, column)
    derived: tuple[Col, ...] = ()  # added by the build, not present in the source file
    rules: tuple[Rule, ...] = ()  # across columns: end after start, adopted within received
    chunked: bool = False  # read, checked, classified and written in pieces: the one table that grows to 100 M rows

    @property
    def has_geometry(self) -> bool:
        return any(c.type == "GEOMETRY" for c in self.columns)

    def col(self, name: str) -> Col:
        return next(c for c in self.columns + self.derived if c.name == name)


def ends_after_start(start: str, end: str) -> Rule:
    return Rule((start, end), lambda f: f[end] >= f[start], "val.rule.end_before_start")


def within(part: str, whole: str) -> Rule:
    return Rule((part, whole), lambda f: f[part] <= f[whole], "val.rule.more_than_whole")


LON = dict(unit="°", min=118.0, max=120.5)
LAT = dict(unit="°", min=33.5, max=35.5)
PROV = Col("provenance", "VARCHAR", "来源性质（real 真实 / illustrative 示例 / derived 推算）", accepted=v.PROVENANCE)
SOURCE = Col("source", "VARCHAR", "出处", required=False)
GEOM = Col("geometry", "GEOMETRY", "几何（WGS84，WKB）")
AREA = Col("area_km2", "DOUBLE", "面积（按几何计算）", unit="km²")

TABLES: tuple[Table, ...] = (
    # --- geography ---
    Table("units", "units", "行政区与功能区", ("code",), (
        Col("code", "VARCHAR", "区划代码（功能区为项目代码）"),
        Col("name", "VARCHAR", "名称"),
        Col("kind", "VARCHAR", "类别", accepted=v.UNIT_KINDS),
        Col("parent_code", "VARCHAR", "所在县区代码", required=False),
        Col("in_urban_area", "BOOLEAN", "属于市区（禁放范围）"),
        Col("population_2020", "BIGINT", "常住人口（2020年七普）", unit="人", required=False, min=0, max=20_000_000),
        Col("population_provenance", "VARCHAR", "人口来源性质", accepted=v.PROVENANCE),
        Col("approximate", "BOOLEAN", "边界为示意"),
        SOURCE,
    ), "mixed", derived=(GEOM, AREA, Col("centroid_lon", "DOUBLE", "中心经度", "°"),
                         Col("centroid_lat", "DOUBLE", "中心纬度", "°"))),
    Table("district_shapes", "districts", "县区边界", ("code",), (
        Col("code", "VARCHAR", "区划代码", accepted=tuple(v.DISTRICT_NAMES)),
        Col("name", "VARCHAR", "名称"),
        GEOM,
    ), "real", {"code": ("units", "code")}),
    Table("functional_zone_shapes", "functional_zones", "功能区边界（示意）", ("code",), (
        Col("code", "VARCHAR", "功能区代码", accepted=tuple(v.FUNCTIONAL_ZONE_NAMES)),
        Col("name", "VARCHAR", "名称"),
        GEOM,
    ), "illustrative", {"code": ("units", "code")}),
    # --- fireworks ---
    Table("fw_notices", "fireworks_notices", "禁放通告", ("notice_id",), (
        Col("notice_id", "VARCHAR", "通告编号"),
        Col("title", "VARCHAR", "标题"),
        Col("doc_number", "VARCHAR", "文号", required=False),
        Col("adopted_on", "DATE", "通过日期", required=False),
        Col("effective_from", "DATE", "施行日期"),
        Col("effective_to", "DATE", "失效日期（被替代前一日）", required=False),
        Col("time_rule", "VARCHAR", "时段规则", accepted=v.TIME_RULES),
        Col("effective_from_assumed", "BOOLEAN", "施行日期为推定"),
        Col("effective_from_note", "VARCHAR", "施行日期说明", required=False),
        Col("banned_kinds", "VARCHAR", "禁止市民燃放的种类（;分隔；空：未核实）", required=False),
        PROV, SOURCE,
    ), "mixed", rules=(ends_after_start("effective_from", "effective_to"),)),
    Table("fw_notice_coverage", "fireworks_notice_coverage", "通告禁放区域的数字化情况", ("notice_id", "unit_code"), (
        Col("notice_id", "VARCHAR", "通告编号"),
        Col("unit_code", "VARCHAR", "县区/功能区代码"),
        Col("zones_status", "VARCHAR", "禁放区域数字化情况", accepted=v.ZONE_COVERAGE),
        Col("note", "VARCHAR", "说明", required=False),
        PROV, SOURCE,
    ), "real", {"notice_id": ("fw_notices", "notice_id"), "unit_code": ("units", "code")}),
    Table("fw_zones", "ban_zones", "禁放区域（示意）", ("zone_id",), (
        Col("zone_id", "VARCHAR", "区域编号"),
        Col("notice_id", "VARCHAR", "所属通告"),
        Col("district_code", "VARCHAR", "所在县区/功能区代码"),
        Col("name", "VARCHAR", "区域名称"),
        Col("roads", "VARCHAR", "四至道路（法定描述）"),
        Col("approximate", "BOOLEAN", "边界为示意"),
        GEOM,
    ), "real", {"notice_id": ("fw_notices", "notice_id"), "district_code": ("units", "code")}, derived=(AREA,)),
    Table("fw_places", "always_banned_places", "全时段禁放地点", ("place_id",), (
        Col("place_id", "VARCHAR", "地点编号"),
        Col("name", "VARCHAR", "名称"),
        Col("category", "VARCHAR", "《条例》第三十条类别", accepted=v.ARTICLE30_CATEGORIES),
        Col("legal_basis", "VARCHAR", "法律依据"),
        Col("district_code", "VARCHAR", "所在县区/功能区代码"),
        Col("listed_by", "VARCHAR", "列明该地点的通告（分号分隔；第七项地点仅在这些通告施行期间禁放）", required=False),
        Col("approximate", "BOOLEAN", "边界为示意"),
        PROV,
        GEOM,
    ), "mixed", {"district_code": ("units", "code")}, derived=(AREA,)),
    Table("fw_incidents", "incidents", "烟花爆竹相关事件", ("incident_id",), (
        Col("incident_id", "BIGINT", "事件编号", min=0, max=1e15),
        Col("occurred_at", "TIMESTAMP", "发生时间（北京时间）", past=True),
        Col("type", "VARCHAR", "事件类型", accepted=v.INCIDENT_TYPES),
        Col("district_code", "VARCHAR", "县区代码", accepted=tuple(v.DISTRICT_NAMES)),
        Col("lon", "DOUBLE", "经度", **LON),
        Col("lat", "DOUBLE", "纬度", **LAT),
        Col("casualties", "INTEGER", "伤亡人数", unit="人", min=0, max=1000),
        Col("fine_yuan", "DOUBLE", "罚款", unit="元", required=False, min=0, max=10_000_000),
        PROV,
    ), "mixed", {"district_code": ("units", "code")}, derived=(
        Col("notice_id", "VARCHAR", "发生时施行的通告", required=False),
        Col("zone_id", "VARCHAR", "所在禁放区域", required=False),
        Col("in_ban_zone", "BOOLEAN", "位于禁放区域（空：该处禁放区域未数字化或通告施行日期不明，未知）", required=False),
        Col("in_always_banned_place", "BOOLEAN", "位于全时段禁放地点"),
        Col("during_ban_hours", "BOOLEAN", "处于禁放时段"),
        Col("banned", "BOOLEAN", "按规则属禁止燃放（空：未知）", required=False),
        Col("season_year", "INTEGER", "所属春节年份"),
        Col("days_from_chuxi", "INTEGER", "距除夕天数", "天"),
    ), chunked=True),
    Table("fw_statistics", "fireworks_statistics", "禁放前事故统计（新闻发布会公布）", ("stat_id",), (
        Col("stat_id", "VARCHAR", "统计编号"),
        Col("year_from", "INTEGER", "起始年份", min=2000, max=2030),
        Col("year_to", "INTEGER", "截止年份", min=2000, max=2030),
        Col("area", "VARCHAR", "统计范围"),
        Col("type", "VARCHAR", "事件类型", accepted=v.INCIDENT_TYPES),
        Col("stated", "VARCHAR", "原文表述"),
        Col("count_at_least", "INTEGER", "起数下限", unit="起", required=False, min=0, max=1_000_000),
        PROV, SOURCE,
    ), "real", rules=(ends_after_start("year_from", "year_to"),)),
    Table("fw_survey", "fireworks_survey", "禁放社会稳定风险评估问卷", ("survey_id", "answer"), (
        Col("survey_id", "VARCHAR", "问卷编号"),
        Col("conducted_from", "DATE", "开始日期", past=True),
        Col("conducted_to", "DATE", "结束日期", past=True),
        Col("answer", "VARCHAR", "选项"),
        Col("share_pct", "DOUBLE", "占比", unit="%", min=0, max=100),
        PROV, SOURCE,
    ), "mixed", rules=(ends_after_start("conducted_from", "conducted_to"),)),
    Table("press_statements", "press_statements", "新闻发布会要点（逐条，原文引用）", ("statement_id",), (
        Col("statement_id", "VARCHAR", "要点编号"),
        Col("policy", "VARCHAR", "政策", accepted=v.POLICIES),
        Col("topic", "VARCHAR", "主题"),
        Col("statement", "VARCHAR", "原文（逐字引用）"),
        Col("speaker", "VARCHAR", "发布人"),
        Col("who", "VARCHAR", "责任主体（原文所述；空：未说明）", required=False),
        Col("when_stated", "VARCHAR", "时间（原文所述；空：未说明）", required=False),
        Col("shown_on", "VARCHAR", "展示页面（空：不展示）", required=False, accepted=v.STATEMENT_PAGES),
        Col("section", "VARCHAR", "页面中的栏目", required=False, accepted=v.STATEMENT_SECTIONS),
        Col("data_file", "VARCHAR", "相应的数据文件", required=False),
        Col("data_value", "VARCHAR", "数据文件中相应的值", required=False),
        Col("not_shown", "VARCHAR", "不展示的原因", required=False),
        PROV, SOURCE,
    ), "real"),
    # --- bonded zone ---
    Table("bz_targets", "bonded_targets", "综保区目标", ("indicator_code", "target_year"), (
        Col("indicator_code", "VARCHAR", "指标代码"),
        Col("indicator_name", "VARCHAR", "指标名称"),
        Col("target_year", "INTEGER", "目标年份", min=2019, max=2030),
        Col("target_value", "DOUBLE", "目标值", min=0, max=1_000_000),
        Col("unit", "VARCHAR", "单位", accepted=v.TARGET_UNITS),
        Col("currency", "VARCHAR", "币种", required=False, accepted=v.CURRENCIES),
        Col("comparison", "VARCHAR", "达标规则", accepted=v.COMPARISONS),
        Col("numerator_code", "VARCHAR", "占比分子指标", required=False, accepted=v.BONDED_INDICATORS),
        Col("denominator_code", "VARCHAR", "累计指标或占比分母", accepted=v.BONDED_INDICATORS),
        PROV, SOURCE,
    ), "mixed"),
    Table("bz_blocks", "bonded_blocks", "综保区区块", ("block_code",), (
        Col("block_code", "VARCHAR", "区块代码"),
        Col("name", "VARCHAR", "名称"),
        Col("subzone", "VARCHAR", "片区", accepted=v.BONDED_SUBZONES),
        Col("district_code", "VARCHAR", "所在功能区代码"),
        Col("stated_area_km2", "DOUBLE", "公布面积", unit="km²", min=0, max=1000),
        GEOM,
    ), "real", {"district_code": ("units", "code")}, derived=(AREA,)),
    Table("bz_monthly", "bonded_monthly", "综保区月度指标", ("month", "block_code", "indicator_code"), (
        Col("month", "DATE", "月份（当月1日）", past=True),
        Col("block_code", "VARCHAR", "区块代码"),
        Col("indicator_code", "VARCHAR", "指标代码", accepted=v.BONDED_INDICATORS),
        Col("value", "DOUBLE", "当月值", min=0, max=1e9),
        Col("unit", "VARCHAR", "单位", accepted=("万元", "万美元")),
        PROV,
    ), "illustrative", {"block_code": ("bz_blocks", "block_code")}),
    Table("bz_facilities", "bonded_facilities", "综保区设施", ("facility_id",), (
        Col("facility_id", "VARCHAR", "设施编号"),
        Col("name", "VARCHAR", "名称"),
        Col("platform", "VARCHAR", "所属服务平台"),
        Col("planned_area_m2", "DOUBLE", "规划面积", unit="m²", required=False, min=0, max=1e8),
        Col("built_area_m2", "DOUBLE", "已建成面积", unit="m²", min=0, max=1e8),
        Col("planned_completion", "VARCHAR", "计划完成", required=False),
        Col("status_as_of", "DATE", "建设情况截至", past=True),
        PROV, SOURCE,
    ), "mixed"),
    Table("bz_platforms", "bonded_platforms", "综保区平台与基地", ("platform_id",), (
        Col("platform_id", "VARCHAR", "编号"),
        Col("subzone", "VARCHAR", "片区（全区平台为空）", required=False, accepted=v.BONDED_SUBZONES),
        Col("kind", "VARCHAR", "类别", accepted=("产业平台", "产业基地", "服务平台")),
        Col("name", "VARCHAR", "名称"),
        Col("focus", "VARCHAR", "主要内容", required=False),
        PROV,
    ), "real"),
    Table("bz_enterprises", "bonded_enterprises", "综保区企业", ("enterprise_id",), (
        Col("enterprise_id", "VARCHAR", "企业编号"),
        Col("name", "VARCHAR", "企业名称（示例）"),
        Col("ownership", "VARCHAR", "资本类别", accepted=v.OWNERSHIP),
        Col("subzone", "VARCHAR", "片区", accepted=v.BONDED_SUBZONES),
        Col("industry", "VARCHAR", "行业"),
        Col("registered_on", "DATE", "入区日期", past=True),
        Col("investment", "DOUBLE", "投资总额", min=0, max=1e9),
        Col("investment_unit", "VARCHAR", "投资单位", accepted=("万美元", "万元")),
        PROV,
    ), "illustrative"),
    Table("bz_milestones", "bonded_milestones", "综保区大事记", ("milestone_on", "event"), (
        Col("milestone_on", "DATE", "日期"),
        Col("event", "VARCHAR", "事件"),
        PROV, SOURCE,
    ), "real"),
    # --- catalog ---
    Table("cat_departments", "departments", "市级部门", ("dept_code",), (
        Col("dept_code", "VARCHAR", "统一社会信用代码（GB 32100，校验位经核验；示例部门的代码为程序生成）", check=credit_code_problem),
        Col("name", "VARCHAR", "部门名称"),
        PROV,
    ), "mixed"),
    Table("cat_entries", "catalog_entries", "大数据资源目录", ("resource_code",), (
        Col("resource_code", "VARCHAR", "信息资源代码（类1位+项2位+目3位+细目+“/”+顺序码；存量代码的格式由质量检查列出）"),
        Col("name", "VARCHAR", "信息资源名称"),
        Col("class_category", "VARCHAR", "类", accepted=v.CATALOG_CLASSES),
        Col("class_item", "VARCHAR", "项"),
        Col("class_target", "VARCHAR", "目", required=False),
        Col("class_detail", "VARCHAR", "细目", required=False),
        Col("class_path", "VARCHAR", "信息资源分类路径（类/项/目/细目，按填报原文）", required=False),
        Col("provider_code", "VARCHAR", "提供方代码（统一社会信用代码）", check=credit_code_problem),
        Col("provider", "VARCHAR", "信息资源提供方"),
        Col("summary", "VARCHAR", "信息资源摘要（存量数据可能缺失，由质量检查列出）", required=False),
        Col("format", "VARCHAR", "信息资源格式（类型）", accepted=v.FORMATS),
        Col("format_detail", "VARCHAR", "信息资源格式（子格式，如 xlsx、DM、REST）", required=False),
        Col("share_type", "VARCHAR", "共享类型", accepted=v.SHARE_TYPES),
        Col("share_condition", "VARCHAR", "共享条件", required=False),
        Col("share_method", "VARCHAR", "共享方式", required=False, accepted=v.SHARE_METHODS),
        Col("share_method_detail", "VARCHAR", "共享方式说明（如 接口、文件下载；“其他”的具体方式）", required=False),
        Col("open_to_public", "BOOLEAN", "是否向社会开放"),
        Col("open_condition", "VARCHAR", "开放条件", required=False),
        Col("update_cycle", "VARCHAR", "更新周期", accepted=v.UPDATE_CYCLES),
        Col("published_on", "DATE", "发布日期", past=True),
        Col("last_updated_on", "DATE", "最近更新日期", past=True),
        Col("related_codes", "VARCHAR", "关联资源代码（分号分隔）", required=False),
        PROV,
    ), "illustrative", {"provider_code": ("cat_departments", "dept_code")},
        rules=(ends_after_start("published_on", "last_updated_on"),)),
    Table("cat_items", "catalog_items", "信息项", ("resource_code", "item_no"), (
        Col("resource_code", "VARCHAR", "信息资源代码"),
        Col("item_no", "INTEGER", "序号", min=1, max=100_000),
        Col("item_name", "VARCHAR", "信息项名称"),
        Col("data_type", "VARCHAR", "数据类型", accepted=v.DATA_TYPES),
    ), "illustrative", {"resource_code": ("cat_entries", "resource_code")}),
    # --- digital government ---
    Table("dg_components", "dg_components", "“4个一+3中心”框架", ("component_code",), (
        Col("component_code", "VARCHAR", "组件代码"),
        Col("name", "VARCHAR", "名称"),
        Col("group_name", "VARCHAR", "分组", accepted=v.DG_GROUPS),
        Col("metaphor", "VARCHAR", "比喻"),
        Col("role", "VARCHAR", "作用"),
        PROV,
    ), "real"),
    Table("dg_systems", "dg_systems", "五大体系", ("system_code",), (
        Col("system_code", "VARCHAR", "体系代码"),
        Col("name", "VARCHAR", "名称"),
        PROV, SOURCE,
    ), "real"),
    Table("dg_projects", "dg_projects", "18项重点工程", ("project_code",), (
        Col("project_code", "VARCHAR", "工程代码"),
        Col("name", "VARCHAR", "工程名称"),
        Col("system_code", "VARCHAR", "所属体系"),
        Col("component_codes", "VARCHAR", "关联框架组件（分号分隔）", required=False),
        Col("lead_department", "VARCHAR", "牵头部门"),
        Col("phase_year", "INTEGER", "优先推进年度", accepted=v.PHASE_YEARS),
        Col("planned_start", "DATE", "计划开始"),
        Col("planned_end", "DATE", "计划完成"),
        Col("budget_wan", "DOUBLE", "预算", unit="万元", min=0, max=10_000_000),
        Col("named_in_source", "BOOLEAN", "名称见于原始文件"),
        PROV,
    ), "mixed", {"system_code": ("dg_systems", "system_code")}, rules=(ends_after_start("planned_start", "planned_end"),)),
    Table("dg_progress", "dg_progress", "重点工程月度进度", ("project_code", "month"), (
        Col("project_code", "VARCHAR", "工程代码"),
        Col("month", "DATE", "月份（当月1日）", past=True),
        Col("planned_pct", "DOUBLE", "计划累计进度", unit="%", min=0, max=100),
        Col("actual_pct", "DOUBLE", "实际累计进度", unit="%", min=0, max=100),
        Col("spent_wan", "DOUBLE", "累计支出", unit="万元", min=0, max=10_000_000),
        PROV,
    ), "illustrative", {"project_code": ("dg_projects", "project_code")}),
    Table("dg_indicators", "dg_indicators", "数字政府评估指标", ("indicator_code", "year"), (
        Col("indicator_code", "VARCHAR", "指标代码"),
        Col("name", "VARCHAR", "指标名称"),
        Col("unit", "VARCHAR", "单位"),
        Col("year", "INTEGER", "年份", min=2018, max=2022),
        Col("target", "DOUBLE", "目标值", required=False, min=-1e9, max=1e9),
        Col("actual", "DOUBLE", "实际值", required=False, min=-1e9, max=1e9),
        PROV,
    ), "illustrative"),
    # --- legislation ---
    Table("leg_projects", "leg_projects", "政府立法项目", ("project_id",), (
        Col("project_id", "VARCHAR", "项目编号"),
        Col("title", "VARCHAR", "规章名称（示例）"),
        Col("lead_department", "VARCHAR", "起草单位"),
        Col("major_public_interest", "BOOLEAN", "涉及重大公共利益"),
        Col("stage", "VARCHAR", "当前阶段", accepted=v.LEG_STAGES),
        Col("initiated_on", "DATE", "立项日期", past=True),
        Col("review_ended_on", "DATE", "审查结束日期", required=False),
        Col("adopted_on", "DATE", "审议通过日期", required=False),
        PROV,
    ), "illustrative", rules=(ends_after_start("initiated_on", "adopted_on"),)),
    Table("leg_events", "leg_events", "公众参与活动", ("event_id",), (
        Col("event_id", "VARCHAR", "活动编号"),
        Col("project_id", "VARCHAR", "立法项目"),
        Col("stage", "VARCHAR", "阶段", accepted=v.LEG_STAGES),
        Col("method", "VARCHAR", "方式（《办法》第八条）", accepted=v.LEG_METHODS),
        Col("start_on", "DATE", "开始日期"),
        Col("end_on", "DATE", "结束日期"),
        Col("participants", "INTEGER", "参与人数", unit="人", min=0, max=10_000_000),
        Col("opinions_received", "INTEGER", "收到意见", unit="条", min=0, max=10_000_000),
        Col("opinions_adopted", "INTEGER", "采纳意见", unit="条", min=0, max=10_000_000),
        Col("feedback_published", "BOOLEAN", "已公开采纳情况反馈"),
        Col("public_members", "INTEGER", "听证：公众代表", unit="人", required=False, min=0, max=10_000),
        Col("officials", "INTEGER", "听证：政府人员", unit="人", required=False, min=0, max=10_000),
        Col("experts", "INTEGER", "听证：专家", unit="人", required=False, min=0, max=10_000),
        PROV,
    ), "illustrative", {"project_id": ("leg_projects", "project_id")},
        rules=(ends_after_start("start_on", "end_on"), within("opinions_adopted", "opinions_received"))),
)

BY_NAME = {t.name: t for t in TABLES}


def ddl(table: Table) -> str:
    """CREATE TABLE for one contract; geometry is stored as WKB in a BLOB.

    Keys are checked by the build's validation (with a message a person can act on); no index is
    declared, as an ART index on ten million incidents would cost more than the whole load.
    """
    cols = []
    for c in table.columns + table.derived:
        sql_type = "BLOB" if c.type == "GEOMETRY" else c.type
        cols.append(f'"{c.name}" {sql_type}{" NOT NULL" if c.required else ""}')
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(cols) + "\n)"
