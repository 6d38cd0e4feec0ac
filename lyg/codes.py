"""The 统一社会信用代码 (unified social credit code, GB 32100-2015) that identifies every department: checked and composed
with python-stdnum's cn.uscc, which keeps the standard's alphabet and weights."""
from __future__ import annotations

from stdnum.cn import uscc

from lyg.i18n import Message


def credit_code_problem(code: str) -> Message | None:
    """None for a valid 统一社会信用代码 (18 characters, GB 32100 check digit), else why not."""
    try:
        uscc.validate(code)
    except Exception:  # stdnum raises its ValidationError subclasses; the reason is named by length or digit
        if len(uscc.compact(code or "")) != 18:
            return Message("val.credit_code_length", n=len(uscc.compact(code or "")))
        return Message("val.credit_code_digit")
    return None


def credit_code(registration: str, division: str, organisation: str) -> str:
    """A 统一社会信用代码 from its parts: registration authority and kind (2), division code (6), the organisation's
    8 characters; the GB 11714 and GB 32100 check characters are computed."""
    body = registration + division + organisation + _organisation_check(organisation)
    return body + uscc.calc_check_digit(body)


def _organisation_check(code: str) -> str:
    """The GB 11714 check character of an 8-character organisation code."""
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in code]
    check = 11 - sum(v * w for v, w in zip(values, (3, 7, 9, 10, 5, 8, 4, 2))) % 11
    return {10: "X", 11: "0"}.get(check, str(check))
