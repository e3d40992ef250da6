"""Finds Wagtail's own English on an admin screen: text a user sees that is an untranslated msgid.

Wagtail's `en` catalogues list every msgid it has. A screen fails when a visible text node, or an
attribute a user reads (placeholder, title, aria-label, alt, a button's value), is the English
of a msgid, or of a piece of one between its tags and placeholders ("%(total)s Pages" shows as
"8 Pages"): whether the Vietnamese catalogues (Wagtail's own plus the portal's `admin_locale/vi`)
lack it, or Wagtail bypassed them.
"""

import json
import re
from functools import cache
from pathlib import Path

import wagtail
from bs4 import BeautifulSoup, Comment
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

WAGTAIL = Path(wagtail.__file__).parent
READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt", "data-w-tooltip-content-value")
TAG = re.compile(r"<[^>]+>")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|&\w+;")
# Keys of the JSON a script turns into visible text; "STRINGS" holds the interface's strings.
SHOWN_KEYS = {"STRINGS", "label", "title", "text", "heading", "helpText", "placeholder"}
WORD = re.compile(r"[A-Za-z]{3,}")
# Words that read the same in a Vietnamese admin: names, formats, and the language switcher's
# "English" (a language is named in its own language).
SAME_IN_VIETNAMESE = {"Wagtail", "English", "URL", "PDF", "JPEG", "PNG", "WebP", "Email", "Alt"}
# Python's None, which Wagtail's aging pages report prints for a page published by no one (the
# site tree made by `migrate`): not a string any catalogue could translate.
SAME_IN_VIETNAMESE.add("None")


def _po_entries(path):
    """(msgctxt, msgid, msgid_plural) of a .po file, header excluded."""
    entries, current, field = [], {}, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            if current.get("msgid"):
                entries.append(
                    (current.get("msgctxt"), current["msgid"], current.get("msgid_plural"))
                )
            current, field = {}, None
            continue
        if line.startswith('"'):
            if field:
                current[field] += json.loads(line)
            continue
        keyword, _, value = line.partition(" ")
        field = keyword if keyword in ("msgctxt", "msgid", "msgid_plural") else None
        if field:
            current[field] = json.loads(value)
    return entries


def wagtail_entries():
    for path in sorted(WAGTAIL.glob("**/locale/en/LC_MESSAGES/django.po")):
        yield from _po_entries(path)


def _translated(context, msgid, plural):
    if plural:
        if context:
            text = translation.npgettext(context, msgid, plural, 1)
        else:
            text = translation.ngettext(msgid, plural, 1)
    elif context:
        text = translation.pgettext(context, msgid)
    else:
        text = translation.gettext(msgid)
    return text != msgid


def fragments(msgid):
    """The pieces of a msgid a page shows as separate texts."""
    for piece in PLACEHOLDER.split(TAG.sub("\n", msgid)):
        for part in piece.split("\n"):
            part = normalise(part)
            if WORD.search(part) and part not in SAME_IN_VIETNAMESE:
                yield part


@cache
def untranslated(language="vi"):
    """{visible text: msgid}: the English of every Wagtail msgid. Untranslated ones show it
    through gettext; translated ones still show it where Wagtail skips gettext (a form field
    without a label shows its name, "Password")."""
    found = {}
    with translation.override(language):
        for _context, msgid, plural in wagtail_entries():
            for text in (msgid, plural):
                for fragment in fragments(text or ""):
                    # Field labels show a lower-case msgid ("description") capitalised.
                    for shown in {fragment, capfirst(fragment)}:
                        # A msgid that is the whole text names it better than one it is part of.
                        if shown == normalise(text) or shown not in found:
                            found[shown] = msgid
    return found


def normalise(text):
    return " ".join(text.split()).strip(" :.…*")


def visible_texts(html):
    """Every text node and read attribute of the page, modal HTML in JSON answers included."""
    if html.lstrip().startswith("{"):
        html = json.loads(html).get("html", "")
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("[hidden]:not(template), .w-sr-only input[value='Search']"):
        # A hidden counter reads "None" until a script fills it. Wagtail hard-codes its search
        # forms' screen-reader-only button as "Search" (home.html, shared/header.html): known,
        # not worth copying two of its templates for.
        hidden.decompose()
    texts = []
    for node in soup.find_all(string=True):
        if not isinstance(node, Comment) and node.parent.name not in ("script", "style"):
            texts.append(str(node))
    for element in soup.find_all(True):
        texts.extend(str(element[name]) for name in READ_ATTRIBUTES if element.get(name))
        if element.name == "input" and element.get("type") in ("submit", "button"):
            texts.append(str(element.get("value", "")))
    texts.extend(_json_strings(soup))
    return [normalise(text) for text in texts if normalise(text)]


def _json_strings(soup):
    """Labels in the JSON Wagtail's scripts render: the sidebar menu, comments, the minimap."""
    texts = []
    for script in soup.find_all("script", type="application/json"):
        _walk(json.loads(script.string or "null"), texts, shown=False)
    return texts


def _walk(value, texts, shown):
    if isinstance(value, dict):
        for key, item in value.items():
            _walk(item, texts, shown or key in SHOWN_KEYS)
    elif isinstance(value, list):
        for item in value:
            _walk(item, texts, shown)
    elif isinstance(value, str) and shown:
        texts.append(value)


@cache
def untranslated_patterns(language="vi"):
    """[(regex, msgid)] for the pieces of untranslated msgids between tags that hold a
    placeholder: 'Hello %(name)s,' shows as 'Hello Lan,', '%(total)s Image <span>' as '1 Image'."""
    patterns = {}
    with translation.override(language):
        for context, msgid, plural in wagtail_entries():
            if _translated(context, msgid, plural):
                continue
            for piece in TAG.split(msgid) + TAG.split(plural or ""):
                piece = normalise(piece)
                if PLACEHOLDER.search(piece) and WORD.search(PLACEHOLDER.sub("", piece)):
                    parts = [re.escape(normalise(part)) for part in PLACEHOLDER.split(piece)]
                    patterns.setdefault(r"\s*.+?\s*".join(parts), msgid)
    return [(re.compile(pattern), msgid) for pattern, msgid in patterns.items()]


def english_on(html, language="vi", content=frozenset()):
    """[(text shown, Wagtail msgid)] for every piece of Wagtail's English on the page.

    `content` is text people wrote (an English page titled "Documents"), not Wagtail's.
    """
    missing = untranslated(language)
    found = set()
    for text in visible_texts(html):
        if text in content:
            continue
        if text in missing:
            found.add((text, missing[text]))
            continue
        for pattern, msgid in untranslated_patterns(language):
            if pattern.fullmatch(text):
                found.add((text, msgid))
                break
    return sorted(found)


def untranslated_script_strings(language):
    """Wagtail's djangojs msgids the admin's JavaScript catalogue serves in English."""
    # As Wagtail's `wagtailadmin_javascript_catalog` view builds it: its package, then LOCALE_PATHS.
    paths = JavaScriptCatalog().get_paths(["wagtail.admin"])
    catalogue = DjangoTranslation(language, domain="djangojs", localedirs=paths)
    missing = []
    for context, msgid, plural in _po_entries(WAGTAIL / "admin/locale/en/LC_MESSAGES/djangojs.po"):
        if plural:
            text = catalogue.ngettext(msgid, plural, 1)
        else:
            text = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
        if text == msgid and any(fragments(msgid)):
            missing.append(msgid)
    return missing
