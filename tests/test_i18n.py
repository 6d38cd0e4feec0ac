"""Every UI string comes from one table: no missing key on any page, and the English UI does not mix in Chinese labels."""
from __future__ import annotations

import re

import pytest

from lyg import i18n
from tests.apptest import open_app_page

CJK = re.compile(r"[\u4e00-\u9fff]")
PAGES = ["pages/overview.py", "pages/fireworks.py", "pages/bonded.py", "pages/catalog.py", "pages/digital.py", "pages/legislation.py"]
WIDGETS = ("selectbox", "multiselect", "text_input", "number_input", "date_input", "time_input", "radio", "button_group")


def test_every_key_has_both_languages():
    for key, pair in i18n.STRINGS.items():
        assert len(pair) == 2 and all(p.strip() for p in pair), key
        assert CJK.search(pair[0]), f"{key}: the Chinese text has no Chinese"
    assert i18n.t("no.such.key") == "⟦no.such.key⟧"


def _labels(at) -> list[str]:
    texts = [e.value for e in at.title] + [e.value for e in at.subheader] + [e.value for e in at.header]
    texts += [e.label for e in at.metric] + [e.label for e in at.tabs]
    for kind in WIDGETS:
        texts += [w.label for w in at.get(kind) if hasattr(w, "label")]
    return texts


@pytest.mark.parametrize("path", PAGES)
def test_no_missing_translation(app_env, path):
    for lang in ("zh", "en"):
        at = open_app_page(path, lang=lang)
        shown = _labels(at) + [m.value for m in at.markdown] + [c.value for c in at.caption]
        assert not [s for s in shown if "⟦" in s], (lang, path)


@pytest.mark.parametrize("path", PAGES)
def test_english_labels_are_english(app_env, path):
    at = open_app_page(path, lang="en")
    assert not at.exception, at.exception
    mixed = [s for s in _labels(at) if CJK.search(s)]
    assert not mixed, mixed
