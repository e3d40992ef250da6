"""CSV import of cooperatives and their products: check every row first, then write all or nothing.

`run_import` is the entry point; the `import_catalogue` command is a thin shell around it.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from cooperatives.models import CooperativePage

from .csvfile import RowError
from .rows import parse_files
from .taxonomy import Taxonomies
from .writer import Writer

__all__ = ["ImportRejected", "ImportReport", "RowError", "run_import"]


@dataclass
class ImportReport:
    stats: dict = field(default_factory=dict)  # ("cooperatives" | "products", outcome) -> n
    taxonomies_created: dict = field(default_factory=dict)  # verbose name -> n
    images_created: int = 0
    page_ids: list[int] = field(default_factory=list)  # the pages created or updated
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False


class ImportRejected(Exception):
    """Raised with every bad row when the files do not pass the checks; nothing was written."""

    def __init__(self, errors: list[RowError], warnings: list[str]):
        super().__init__(f"{len(errors)} errors")
        self.errors, self.warnings = errors, warnings


def run_import(
    cooperatives: Path | None = None,
    products: Path | None = None,
    *,
    dry_run=False,
    draft=False,
    progress=None,
    on_create=None,
) -> ImportReport:
    """`on_create(page, row)`, if given, may fill in what the files do not carry (a gallery, a
    history) on each new page before its first revision is saved."""
    locale = Locale.objects.get(language_code="vi")
    taxonomies = Taxonomies(locale)
    parsed = parse_files(cooperatives, products, _stored_codes(locale), taxonomies.is_ocop)
    if parsed.errors:
        raise ImportRejected(parsed.errors, parsed.warnings)
    writer = Writer(locale, taxonomies, draft=draft, progress=progress, on_create=on_create)
    # Files are not part of the transaction: remove them whenever the rows are not kept.
    try:
        with transaction.atomic():
            writer.write(parsed)
            transaction.set_rollback(dry_run)
    except BaseException:
        writer.images.remove_stored_files()
        raise
    if dry_run:
        writer.images.remove_stored_files()
    return ImportReport(
        stats=dict(writer.stats),
        taxonomies_created=dict(taxonomies.created),
        images_created=writer.images.created,
        page_ids=[] if dry_run else writer.touched_ids,
        warnings=parsed.warnings,
        dry_run=dry_run,
    )


def _stored_codes(locale) -> set[str]:
    codes = CooperativePage.objects.filter(locale=locale).exclude(code="")
    return {code.upper() for code in codes.values_list("code", flat=True)}
