"""Parsers for single cells. Each returns a Python value or raises ValidationError."""

import re
from html import escape

from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from cooperatives.models import Kind
from portal.text import fold

ALL_YEAR = {"", "quanh nam", "ca nam"}
PRICE_ON_REQUEST = {"", "lien he", "thoa thuan"}
# "45000", "45.000", "45 000", optionally followed by "đ", "₫" or "VND".
PRICE = re.compile(r"^(\d{1,3}(?:[. ]\d{3})+|\d+)\s*(?:d|₫|vnd|dong)?$")
MONTH_RANGE = re.compile(r"^(\d{1,2})\s*-\s*(\d{1,2})$")


def clean_field(model, name, raw):
    """Run a model field's own conversion and validators (max length, e-mail, URL, phone…)."""
    field = model._meta.get_field(name)
    if raw in ("", None) and field.null:
        return None
    return field.clean(raw, None)


def parse_int(raw: str):
    if not raw:
        return None
    if not re.fullmatch(r"\d+", raw.replace(".", "").replace(" ", "")):
        raise ValidationError(_("“%s” không phải số nguyên không âm") % raw)
    return int(raw.replace(".", "").replace(" ", ""))


def parse_price(raw: str):
    """Empty or "liên hệ" means price on request (None)."""
    folded = fold(raw)
    if folded in PRICE_ON_REQUEST:
        return None
    match = PRICE.match(folded)
    if not match:
        raise ValidationError(_("giá “%s” không hợp lệ (ví dụ đúng: 45000 hoặc 45.000)") % raw)
    return int(re.sub(r"\D", "", match.group(1)))


def parse_stars(raw: str):
    if not raw:
        return None
    if raw not in {"3", "4", "5"}:
        raise ValidationError(_("số sao OCOP phải là 3, 4 hoặc 5 (không phải “%s”)") % raw)
    return int(raw)


def parse_season(raw: str) -> list[int]:
    """ "9-11", "11-2" (across the new year), "1,2,12"; empty or "quanh năm" is all year ([])."""
    folded = fold(raw).removeprefix("thang").strip()
    if folded in ALL_YEAR:
        return []
    months = set()
    for part in (p.strip() for p in folded.split(",")):
        months.update(_months_of(part, raw))
    return sorted(months)


def _months_of(part, raw):
    bad = ValidationError(_("mùa vụ “%s” không hợp lệ (ví dụ đúng: 9-11 hoặc 1,2,12)") % raw)
    match = MONTH_RANGE.match(part)
    bounds = match.groups() if match else (part, part)
    if not all(b.isdigit() and 1 <= int(b) <= 12 for b in bounds):
        raise bad
    first, last = (int(b) for b in bounds)
    if first <= last:
        return range(first, last + 1)
    return [*range(first, 13), *range(1, last + 1)]


def _kind_key(text):
    return re.sub(r"\bhtx\b", "hop tac xa", fold(text).replace("_", " "))


KINDS = {
    **{_kind_key(value): value for value in Kind.values},
    **{_kind_key(str(label)): value for value, label in Kind.choices},
    _kind_key("Liên hiệp"): Kind.UNION,
}


def parse_kind(raw: str) -> str:
    if not raw:
        return Kind.COOPERATIVE
    try:
        return KINDS[_kind_key(raw)]
    except KeyError:
        raise ValidationError(
            _("loại hình “%s” không rõ (dùng: HTX, Liên hiệp HTX, Tổ hợp tác)") % raw
        ) from None


def parse_names(raw: str, separator="|") -> list[str]:
    """Names separated by "|", without blanks and duplicates (compared without diacritics)."""
    names, seen = [], set()
    for name in (n.strip() for n in raw.split(separator)):
        if name and fold(name) not in seen:
            seen.add(fold(name))
            names.append(name)
    return names


def parse_category(raw: str) -> tuple[str, ...]:
    """ "Gạo" or "Nông sản > Gạo"; at most two levels."""
    path = tuple(part.strip() for part in raw.split(">"))
    if len(path) > 2 or not all(path):
        raise ValidationError(_("danh mục “%s” không hợp lệ (ví dụ đúng: Nông sản > Gạo)") % raw)
    return path


def check_name_length(name: str, limit=120):
    if len(name) > limit:
        message = _("tên “%(name)s” dài quá %(limit)s ký tự")
        raise ValidationError(message % {"name": name, "limit": limit})


def split_description(text: str, limit: int) -> tuple[str, str | None]:
    """The short summary and, only when the text is longer than it, the full text as HTML."""
    if len(text) <= limit:
        return text, None
    summary = Truncator(" ".join(text.split())).chars(limit)
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    return summary, "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
