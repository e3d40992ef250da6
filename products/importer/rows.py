"""Turns the CSV rows into checked values; every problem becomes a RowError, nothing is written."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cooperatives.models import CooperativePage
from portal.text import fold
from products.models import ProductPage

from . import values
from .csvfile import CsvTable, RowError, read_table
from .images import ImageSource, check_image

COOPERATIVE_COLUMNS = [
    "code",
    "name",
    "kind",
    "sector",
    "area",
    "address",
    "phone",
    "email",
    "website",
    "founded_year",
    "members",
    "description",
]
COOPERATIVE_REQUIRED = ["code", "name", "sector", "area"]
PRODUCT_COLUMNS = [
    "cooperative_code",
    "name",
    "category",
    "description",
    "price_vnd",
    "unit",
    "certifications",
    "ocop_stars",
    "season",
    "image",
]
PRODUCT_REQUIRED = ["cooperative_code", "name", "category", "unit"]
COOPERATIVE_SUMMARY_LIMIT = CooperativePage._meta.get_field("summary").max_length
PRODUCT_SUMMARY_LIMIT = ProductPage._meta.get_field("summary").max_length


@dataclass
class CooperativeRow:
    line: int
    code: str
    sector: str
    area: str
    fields: dict = field(default_factory=dict)  # page fields of the columns the file has


@dataclass
class ProductRow:
    line: int
    cooperative_code: str
    name: str
    category: tuple[str, ...]
    fields: dict = field(default_factory=dict)
    certifications: list[str] | None = None  # None: the file has no such column, keep as is
    ocop_stars: int | None = None
    image: ImageSource | None = None


@dataclass
class Parsed:
    cooperatives: list[CooperativeRow] = field(default_factory=list)
    products: list[ProductRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Cells:
    """One row's cells; collects a message per bad cell instead of stopping at the first."""

    def __init__(self, table: CsvTable, line: int, cells: dict[str, str]):
        self.table, self.line, self.cells, self.errors = table, line, cells, []

    def has(self, column):
        return column in self.cells

    def get(self, column, parse=None, required=False):
        raw = self.cells.get(column, "")
        if required and not raw:
            self.fail(_("thiếu giá trị bắt buộc ở cột “%s”") % column)
            return raw
        try:
            return parse(raw) if parse else raw
        except ValidationError as error:
            reason = _join(error)
            self.fail(_("cột “%(column)s”: %(reason)s") % {"column": column, "reason": reason})
            return None

    def fail(self, message):
        self.errors.append(RowError(self.table.path.name, self.line, message))


def _join(error: ValidationError) -> str:
    return "; ".join(str(m) for m in error.messages)


def _field(model, name):
    return lambda raw: values.clean_field(model, name, raw)


def _website(raw):
    if raw and "://" not in raw:
        raw = "https://" + raw  # staff often write "htxvanphuc.vn"
    return values.clean_field(CooperativePage, "website", raw)


def _number(name, model=CooperativePage):
    return lambda raw: values.clean_field(model, name, values.parse_int(raw))


def _price(raw):
    return values.clean_field(ProductPage, "price_vnd", values.parse_price(raw))


def _name(raw):
    values.check_name_length(raw)
    return raw


COOPERATIVE_CELLS = [
    ("kind", "kind", values.parse_kind),
    ("address", "address", _field(CooperativePage, "address")),
    ("phone", "phone", _field(CooperativePage, "phone")),
    ("email", "email", _field(CooperativePage, "email")),
    ("website", "website", _website),
    ("founded_year", "founded_year", _number("founded_year")),
    ("members", "members", _number("members")),
]


def parse_cooperative(table: CsvTable, line: int, cells: dict) -> tuple[CooperativeRow, list]:
    row = _Cells(table, line, cells)
    result = CooperativeRow(
        line=line,
        code=row.get("code", _field(CooperativePage, "code"), required=True),
        sector=row.get("sector", _name, required=True),
        area=row.get("area", _name, required=True),
    )
    result.fields["title"] = row.get("name", _field(CooperativePage, "title"), required=True)
    for column, name, parse in COOPERATIVE_CELLS:
        if row.has(column):
            result.fields[name] = row.get(column, parse)
    if row.has("description"):
        text = row.get("description")
        summary, body = values.split_description(text, COOPERATIVE_SUMMARY_LIMIT)
        result.fields["summary"] = summary
        if body:
            result.fields["body"] = body
    return result, row.errors


def _category(raw):
    path = values.parse_category(raw)
    for name in path:
        values.check_name_length(name)
    return path


def _certifications(raw):
    names = values.parse_names(raw)
    for name in names:
        values.check_name_length(name)
    return names


def _image_parser(table: CsvTable):
    def parse(raw):
        return check_image(table.path.parent / raw) if raw else None

    return parse


def parse_product(table, line, cells, is_ocop: Callable[[str], bool]):
    row = _Cells(table, line, cells)
    result = ProductRow(
        line=line,
        cooperative_code=row.get("cooperative_code", required=True),
        name=row.get("name", _field(ProductPage, "title"), required=True),
        category=row.get("category", _category, required=True),
    )
    result.fields["title"] = result.name
    result.fields["unit"] = row.get("unit", _field(ProductPage, "unit"), required=True)
    if row.has("price_vnd"):
        result.fields["price_vnd"] = row.get("price_vnd", _price)
    if row.has("season"):
        result.fields["season_months"] = row.get("season", values.parse_season)
    if row.has("description"):
        summary, body = values.split_description(row.get("description"), PRODUCT_SUMMARY_LIMIT)
        result.fields["summary"] = summary  # empty: the writer writes a default one
        if body:
            result.fields["description"] = body
    result.image = row.get("image", _image_parser(table))
    if row.has("certifications") or row.has("ocop_stars"):
        _read_certifications(row, result, is_ocop)
    return result, row.errors


def _read_certifications(row: _Cells, result: ProductRow, is_ocop):
    """Stars imply the OCOP certificate; an OCOP certificate without stars is an error."""
    names = row.get("certifications", _certifications) or []
    stars = row.get("ocop_stars", values.parse_stars)
    has_ocop = any(is_ocop(name) for name in names)
    if stars and not has_ocop:
        names.append("OCOP")
    if has_ocop and not row.cells.get("ocop_stars"):
        row.fail(_("chứng nhận OCOP cần số sao (3, 4 hoặc 5) ở cột “ocop_stars”"))
    result.certifications, result.ocop_stars = names, stars


def parse_files(
    cooperatives: Path | None,
    products: Path | None,
    known_codes: set[str],
    is_ocop: Callable[[str], bool],
) -> Parsed:
    """Check both files completely. `known_codes` are the (upper-case) codes already stored."""
    parsed = Parsed()
    codes_in_file = set()
    if cooperatives:
        table = _read(cooperatives, COOPERATIVE_REQUIRED, COOPERATIVE_COLUMNS, parsed)
        codes_in_file = {cells.get("code", "").upper() for _line, cells in table.rows}
        _parse_cooperatives(table, parsed)
    if products:
        table = _read(products, PRODUCT_REQUIRED, PRODUCT_COLUMNS, parsed)
        _parse_products(table, parsed, known_codes | codes_in_file, is_ocop)
    return parsed


def _read(path, required, known, parsed):
    table = read_table(path, required, known)
    parsed.errors.extend(table.errors)
    parsed.warnings.extend(table.warnings)
    return table


def _parse_cooperatives(table, parsed):
    first_line = {}
    for line, cells in table.rows:
        row, errors = parse_cooperative(table, line, cells)
        key = (row.code or "").upper()
        if key and key in first_line:
            message = _("mã HTX “%(value)s” lặp lại (đã có ở dòng %(line)s)")
            errors.append(_duplicate(table, line, message, row.code, first_line[key]))
        first_line.setdefault(key, line)
        parsed.errors.extend(errors)
        parsed.cooperatives.append(row)


def _parse_products(table, parsed, codes, is_ocop):
    first_line = {}
    for line, cells in table.rows:
        row, errors = parse_product(table, line, cells, is_ocop)
        code = (row.cooperative_code or "").upper()
        if code and code not in codes:
            message = _("không có HTX mã “%s” trong tệp HTX hay trong cơ sở dữ liệu")
            errors.append(RowError(table.path.name, line, message % row.cooperative_code))
        key = (code, fold(row.name or ""))
        if code and row.name and key in first_line:
            message = _("sản phẩm “%(value)s” của HTX này lặp lại (đã có ở dòng %(line)s)")
            errors.append(_duplicate(table, line, message, row.name, first_line[key]))
        first_line.setdefault(key, line)
        parsed.errors.extend(errors)
        parsed.products.append(row)


def _duplicate(table, line, message, value, first):
    return RowError(table.path.name, line, message % {"value": value, "line": first})
