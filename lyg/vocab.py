"""Accepted values shared by the data contracts, the generator and the domain code."""

URBAN_DISTRICTS = ("320703", "320706", "320707")  # 连云区, 海州区, 赣榆区 (市区)
DISTRICT_NAMES = {
    "320703": "连云区", "320706": "海州区", "320707": "赣榆区",
    "320722": "东海县", "320723": "灌云县", "320724": "灌南县",
}
# 徐圩新区 and 云台山风景名胜区 have no national code: project-local codes in the 3207L* range.
FUNCTIONAL_ZONE_NAMES = {
    "320771": "开发区", "320772": "高新区", "3207L1": "徐圩新区", "3207L2": "云台山风景名胜区",
}
UNIT_KINDS = ("县区", "功能区")
PROVENANCE = ("real", "illustrative", "derived")
# How far a notice's zones in one unit could be drawn: every zone found and drawn, some found, none found.
ZONE_COVERAGE = ("drawn", "partial", "not_found")

ZONE_UNKNOWN = "未知（该处禁放区域未数字化）"  # an incident whose zone cannot be told: never folded into "outside"
INCIDENT_TYPES = ("绿化带火灾", "交通事故", "伤亡事故", "违规燃放查处", "投诉举报")
TIME_RULES = ("night_22_06_lunar_exceptions", "all_day")
# The press conference's statements (data/press_statements.csv): the policy, and the page section that shows each
POLICIES = ("数字政府", "烟花爆竹禁放", "公众参与政府立法", "综合保税区")
STATEMENT_PAGES = ("digital", "fireworks", "legislation", "bonded")
STATEMENT_SECTIONS = ("plan", "governance", "history", "rules", "statistics", "policy")
# What is set off: the 2019 notice bans two kinds for citizens (press conference, 2018-12-29); 普通 is anything else
ORDINARY_KIND = "普通烟花爆竹"
PRODUCT_KINDS = (ORDINARY_KIND, "专业燃放类", "非正规渠道来源")
ARTICLE30_CATEGORIES = (
    "（一）文物保护单位", "（二）交通枢纽及铁路线路安全保护区", "（三）易燃易爆物品生产储存单位",
    "（四）输变电设施安全保护区", "（五）医疗机构、幼儿园、中小学校、敬老院", "（六）山林、草原等重点防火区",
    "（七）县级以上地方人民政府规定的其他地点",
)

BONDED_INDICATORS = ("industrial_output", "logistics_revenue", "trade_total", "leading_industry_output")
BONDED_SUBZONES = ("徐圩片区", "开发区片区")
COMPARISONS = ("cumulative_at_least", "share_above")
TARGET_UNITS = ("亿元", "亿美元", "%")  # a bonded target's unit: the charts and the 万元/万美元 bridge know these
CURRENCIES = ("CNY", "USD")
OWNERSHIP = ("外资", "内资")

CATALOG_CLASSES = ("基础信息资源", "主题信息资源", "部门信息资源")
SHARE_TYPES = ("无条件共享", "有条件共享", "不予共享")
FORMATS = ("电子文件", "电子表格", "数据库", "图形图像", "流媒体", "自描述格式", "服务接口")
UPDATE_CYCLES = ("实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期")
SHARE_METHODS = ("共享平台方式", "邮件", "拷贝", "介质交换", "其他")  # the guide's ways, the platform first
DATA_TYPES = ("字符型", "数值型", "日期型", "布尔型", "二进制", "地理空间")

DG_GROUPS = ("4个一", "3中心")
PHASE_YEARS = (2019, 2020, 2021)

LEG_STAGES = ("立项", "起草", "审查", "审议", "实施")
LEG_METHODS = ("向社会公布征求意见", "座谈会", "论证会", "听证会", "民意调查", "委托第三方起草", "网上听证")
