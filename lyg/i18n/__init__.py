"""Every UI string in one table (strings.py) and a glossary for stored values (glossary.py), rendered in
zh-CN (the default) or English: t(key, lang, **fmt), value(), amount(), Translator, Message."""
from __future__ import annotations

import re

from lyg.i18n.glossary import VALUES
from lyg.i18n.strings import STRINGS

LANGUAGES = {"zh": "中文", "en": "English"}


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

    def join(self, items) -> str:
        """Values as one list in this language: 座谈会、听证会 / Forum, Hearing."""
        return self("legislation_rule.list_sep").join(str(x) for x in self.values(items))

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


def _rendered(v, tr: Translator):
    if isinstance(v, Message):
        return v.render(tr.lang)
    if isinstance(v, (tuple, list)):
        return tr.join(v)
    return tr.value(v)


def render(text, lang: str = "zh") -> str:
    """A Message in lang; plain text as it is."""
    return text.render(lang) if isinstance(text, Message) else str(text)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ZH, EN = Translator("zh"), Translator("en")


def translator(lang: str) -> Translator:
    return EN if lang == "en" else ZH
