"""python manage.py import_catalogue --cooperatives htx.csv --products san-pham.csv [--dry-run]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from products.importer import ImportRejected, run_import

BAR_WIDTH = 30
OUTCOMES = [
    ("created", gettext_lazy("tạo mới")),
    ("updated", gettext_lazy("cập nhật")),
    ("unchanged", gettext_lazy("giữ nguyên")),
]


class Command(BaseCommand):
    help = gettext_lazy("Nhập hợp tác xã và sản phẩm từ tệp CSV (UTF-8). Xem docs/import.md.")

    def add_arguments(self, parser):
        parser.add_argument("--cooperatives", type=Path, help=_("tệp CSV các hợp tác xã"))
        parser.add_argument("--products", type=Path, help=_("tệp CSV các sản phẩm"))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("chỉ kiểm tra và đếm, không ghi gì")
        )
        parser.add_argument(
            "--draft", action="store_true", help=_("lưu bản nháp, không xuất bản trang")
        )

    def handle(self, *args, cooperatives=None, products=None, dry_run=False, draft=False, **kw):
        if not cooperatives and not products:
            raise CommandError(_("Cần ít nhất một tệp: --cooperatives hoặc --products."))
        # call_command() passes keyword options through unconverted
        cooperatives, products = (Path(p) if p else None for p in (cooperatives, products))
        for path in (cooperatives, products):
            if path and not path.is_file():
                raise CommandError(_("Không tìm thấy tệp “%s”.") % path)
        try:
            report = run_import(
                cooperatives, products, dry_run=dry_run, draft=draft, progress=self.progress
            )
        except ImportRejected as rejected:
            self.print_warnings(rejected.warnings)
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("%s dòng có lỗi; chưa ghi gì vào cơ sở dữ liệu.") % len(rejected.errors)
            ) from None
        self.print_warnings(report.warnings)
        self.print_summary(report)

    def progress(self, done, total):
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + " " * (BAR_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total}", ending="\n" if done == total else "")
        self.stderr.flush()

    def print_warnings(self, warnings):
        for warning in warnings:
            self.stderr.write(self.style.WARNING(warning))

    def print_summary(self, report):
        for key, label in (("cooperatives", _("Hợp tác xã")), ("products", _("Sản phẩm"))):
            counts = ", ".join(
                f"{report.stats.get((key, outcome), 0)} {name}" for outcome, name in OUTCOMES
            )
            self.stdout.write(f"{label}: {counts}")
        created = ", ".join(f"{n} {name}" for name, n in report.taxonomies_created.items())
        self.stdout.write(_("Phân loại tạo mới: %s") % (created or "0"))
        self.stdout.write(_("Ảnh tạo mới: %s") % report.images_created)
        if report.dry_run:
            self.stdout.write(self.style.WARNING(_("Chạy thử (--dry-run): không ghi gì.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Đã nhập xong.")))
