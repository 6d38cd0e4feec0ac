"""Named points for the checker, so a hotline operator need not type coordinates (approximate, 示意)."""
from __future__ import annotations

CHECK_POINTS: dict[str, tuple[float, float]] = {
    "海州区·新浦老城区": (119.160, 34.605),
    "海州区·西部新城（2022年扩区）": (119.120, 34.560),
    "连云区·墟沟": (119.390, 34.730),
    "赣榆区·青口": (119.125, 34.840),
    "开发区·朝阳": (119.270, 34.685),
    "孔望山摩崖造像（文物保护单位）": (119.213, 34.593),
    "连云港主港区": (119.450, 34.745),
    "东海县·牛山街道（非市区）": (118.770, 34.540),
}
