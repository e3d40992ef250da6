"""The English interface: the catalogue in locale/en is complete, compiled and used at /en/.

Vietnamese is the source language of every gettext string, so without this catalogue /en/
would show the Vietnamese interface around English page titles.
"""

import ast
import gettext as gnu_gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

MESSAGES = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"
PO = MESSAGES / "django.po"
MO = MESSAGES / "django.mo"

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
VIETNAMESE_LETTER = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I
)


# A tiny .po reader: enough for what makemessages writes ------------------------------------


def read_po(path):
    """[{"flags", "msgctxt", "msgid", "msgid_plural", "msgstr": {index: text}}], header excluded."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and not entry.get("obsolete") and entry.get("msgid") is not None:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#~"):
            if entry is None or "msgid" in entry:
                finish()
                entry = {"flags": set(), "msgstr": {}}
            entry["obsolete"] = True
            continue
        if line.startswith("#"):
            if entry is None or "msgid" in entry:
                finish()
                entry = {"flags": set(), "msgstr": {}}
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        if entry is None:
            entry = {"flags": set(), "msgstr": {}}
        if line.startswith('"'):
            text = ast.literal_eval(line)
            if isinstance(field, tuple):
                entry["msgstr"][field[1]] += text
            else:
                entry[field] += text
            continue
        keyword, _, value = line.partition(" ")
        text = ast.literal_eval(value)
        if keyword in ("msgctxt", "msgid") and "msgid" in entry and keyword != "msgid_plural":
            finish()
            entry = {"flags": set(), "msgstr": {}}
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if "[" in keyword else 0
            entry["msgstr"][index] = text
            field = ("msgstr", index)
        else:
            entry[keyword] = text
            field = keyword
    finish()
    return [e for e in entries if e["msgid"] != ""]


@pytest.fixture(scope="module")
def po_entries():
    assert PO.exists(), "run makemessages -l en"
    return read_po(PO)


# Key strings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [
        ("Hợp tác xã", "Cooperative"),
        ("Sản phẩm", "Products"),
        ("Tin tức", "News"),
        ("Mô hình tiêu biểu", "Model cooperatives"),
        ("Trang chủ", "Home"),
        ("Tìm", "Search"),
        ("Điều hướng chính", "Main navigation"),
        ("Bỏ qua, đến nội dung chính", "Skip to main content"),
        ("Liên minh Hợp tác xã thành phố Hà Nội", "Hanoi Cooperative Alliance"),
        ("Tốt", "Good"),
        ("Khá", "Fair"),
        ("Trung bình", "Average"),
        ("Yếu", "Weak"),
        ("Đang chờ duyệt", "Awaiting review"),  # the Wagtail admin, for English-speaking editors
    ],
)
def test_key_strings_translate_to_english(vietnamese, english):
    with translation.override("en"):
        assert gettext(vietnamese) == english
    with translation.override("vi"):
        assert gettext(vietnamese) == vietnamese


def test_plural_forms_follow_english_rules():
    with translation.override("en"):
        one = ngettext("%(total)s sản phẩm", "%(total)s sản phẩm", 1) % {"total": 1}
        many = ngettext("%(total)s sản phẩm", "%(total)s sản phẩm", 5) % {"total": 5}
    assert (one, many) == ("1 product", "5 products")


# Pages -------------------------------------------------------------------------------------


def _main_nav(html):
    return re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)


@pytest.mark.django_db
def test_english_home_shows_the_english_interface(client):
    html = client.get("/en/").content.decode()
    nav = _main_nav(html)
    assert 'aria-label="Main navigation"' in nav
    assert re.findall(r"<a [^>]*>([^<]+)</a>", nav) == [
        "Cooperatives",
        "Products",
        "Model cooperatives",
        "News",
        "Events",
        "Documents",
    ]
    assert "Skip to main content" in html
    assert ">Search</button>" in html
    assert "Điều hướng chính" not in html and "Bỏ qua, đến nội dung chính" not in html


@pytest.mark.django_db
def test_vietnamese_home_keeps_the_vietnamese_interface(client):
    html = client.get("/").content.decode()
    nav = _main_nav(html)
    assert 'aria-label="Điều hướng chính"' in nav
    assert re.findall(r"<a [^>]*>([^<]+)</a>", nav) == [
        "Hợp tác xã",
        "Sản phẩm",
        "Mô hình tiêu biểu",
        "Tin tức",
        "Sự kiện",
        "Văn bản",
    ]
    assert "Bỏ qua, đến nội dung chính" in html
    assert "Main navigation" not in html and "Skip to main content" not in html


# The catalogue itself ----------------------------------------------------------------------


def test_catalogue_has_no_untranslated_or_fuzzy_entries(po_entries):
    assert len(po_entries) > 300
    fuzzy = [e["msgid"] for e in po_entries if "fuzzy" in e["flags"]]
    untranslated = [e["msgid"] for e in po_entries if not all(e["msgstr"].values())]
    assert fuzzy == []
    assert untranslated == []
    header = PO.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "#, fuzzy" not in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header


def test_translations_keep_their_placeholders(po_entries):
    for e in po_entries:
        sources = [e["msgid"], e.get("msgid_plural", e["msgid"])]
        for index, text in e["msgstr"].items():
            source = sources[min(index, 1)]
            wanted = sorted(PLACEHOLDER.findall(source))
            assert sorted(PLACEHOLDER.findall(text)) == wanted, e["msgid"]
            assert re.findall(r"<[^>]+>", text) == re.findall(r"<[^>]+>", source), e["msgid"]


def test_translations_are_english(po_entries):
    """Vietnamese words stay only where the source quotes them (examples, names of things)."""
    for e in po_entries:
        source_words = set(re.findall(r"\w+", e["msgid"].lower()))
        for text in e["msgstr"].values():
            for word in re.findall(r"\w+", text.lower()):
                if VIETNAMESE_LETTER.search(word):
                    assert word in source_words, (e["msgid"], text)


def test_compiled_catalogue_matches_the_po_file(po_entries):
    """The .mo is committed (CI may lack gettext tools): it must be compiled from this .po."""
    with MO.open("rb") as mo:
        catalog = gnu_gettext.GNUTranslations(mo)._catalog
    for e in po_entries:
        key = e["msgid"] if "msgctxt" not in e else f"{e['msgctxt']}\x04{e['msgid']}"
        if "msgid_plural" in e:
            for index, text in e["msgstr"].items():
                assert catalog.get((key, index)) == text, e["msgid"]
        else:
            assert catalog.get(key) == e["msgstr"][0], e["msgid"]


MSGFMT = shutil.which("msgfmt")


@pytest.mark.skipif(MSGFMT is None, reason="gettext tools are not installed")
def test_msgfmt_accepts_the_catalogue():
    result = subprocess.run(  # noqa: S603
        [MSGFMT, "--check", "--statistics", "-o", "/dev/null", str(PO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr
    assert "translated message" in result.stderr
