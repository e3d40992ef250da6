"""Reading a CSV file of the import: UTF-8 check, header check and physical line numbers."""

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class RowError:
    """A problem found in a file, at a physical line (the header is line 1)."""

    file: str
    line: int | None
    message: str

    def __str__(self):
        if self.line is None:
            return f"{self.file}: {self.message}"
        return _("%(file)s, dòng %(line)s: %(message)s") % {
            "file": self.file,
            "line": self.line,
            "message": self.message,
        }


@dataclass
class CsvTable:
    """The rows of a file as dicts keyed by column, each with the line it starts on."""

    path: Path
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]
    errors: list[RowError]
    warnings: list[str]


def read_table(path: Path, required: list[str], known: list[str]) -> CsvTable:
    table = CsvTable(path=path, columns=[], rows=[], errors=[], warnings=[])
    text = _decode(path, table)
    if text is None:
        return table
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        _read_header(reader, required, known, table)
        if not table.errors:
            _read_rows(reader, table)
    except csv.Error as error:
        table.errors.append(_error(table, reader.line_num, _("lỗi cú pháp CSV: %s") % error))
    return table


def _error(table, line, message):
    return RowError(table.path.name, line, message)


def _decode(path: Path, table: CsvTable) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        table.errors.append(_error(table, None, _("không đọc được tệp: %s") % error.strerror))
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = _(
            "tệp không phải mã UTF-8 (có thể là Windows-1258/Latin-1); "
            "hãy lưu lại tệp dưới dạng “CSV UTF-8” rồi nhập lại"
        )
        table.errors.append(_error(table, line, message))
        return None


def _read_header(reader, required, known, table):
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        table.errors.append(_error(table, 1, _("tệp trống hoặc thiếu dòng tiêu đề")))
        return
    columns = [cell.strip().lower() for cell in header]
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        table.errors.append(_error(table, 1, _("cột lặp lại: %s") % ", ".join(duplicates)))
    missing = [c for c in required if c not in columns]
    if missing:
        message = _("thiếu cột bắt buộc: %s") % ", ".join(missing)
        table.errors.append(_error(table, 1, message))
    unknown = [c for c in columns if c not in known]
    if unknown:
        table.warnings.append(
            _("%(file)s: bỏ qua cột không dùng đến: %(columns)s")
            % {"file": table.path.name, "columns": ", ".join(unknown)}
        )
    table.columns = columns


def _read_rows(reader, table):
    width = len(table.columns)
    previous_end = reader.line_num
    for cells in reader:
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        if len(cells) != width:
            message = _("dòng có %(got)s trường, tiêu đề có %(want)s") % {
                "got": len(cells),
                "want": width,
            }
            table.errors.append(_error(table, line, message))
            continue
        values = {col: cell.strip() for col, cell in zip(table.columns, cells, strict=True)}
        table.rows.append((line, values))
