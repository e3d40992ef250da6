"""`manage.py load_demo_data [--products N]`: the Vietnamese demo, idempotently."""

import logging
import time

from django.core.management.base import BaseCommand, CommandError

from demo.bulk import add_bulk_products
from demo.inquiries import load_demo_inquiries
from demo.loader import DemoLoader
from demo.programme import ProgrammeLoader
from demo.progress import Progress


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu: hợp tác xã, sản phẩm, mô hình tiêu biểu, tin tức. Chạy lại không "
        "thêm gì. --products N thêm sản phẩm (không có lịch sử phiên bản) cho đủ N sản phẩm."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--products",
            type=int,
            default=0,
            metavar="N",
            help="Tổng số sản phẩm mong muốn; phần vượt bản mẫu được thêm hàng loạt.",
        )
        parser.add_argument("--chunk", type=int, default=1000, help="Số sản phẩm mỗi giao dịch.")

    def handle(self, *args, products, chunk, **options):
        if products < 0 or chunk < 1:
            raise CommandError("--products phải ≥ 0 và --chunk phải ≥ 1.")
        if options["verbosity"] < 2:
            # Every publish logs a line per page and per search-index task: too loud for 400 pages.
            for name in ("wagtail", "django_tasks"):
                logging.getLogger(name).setLevel(logging.WARNING)
        started = time.monotonic()
        created = DemoLoader(progress=self._import_progress()).run()
        self.stdout.write(
            "Bản mẫu: thêm {cooperatives} hợp tác xã, {products} sản phẩm, {stories} mô hình, "
            "{news} tin ({seconds:.1f} s).".format(**created, seconds=time.monotonic() - started)
        )
        programme = ProgrammeLoader().run()
        self.stdout.write(
            "Chương trình và thư viện: thêm {events} sự kiện, {documents} văn bản, "
            "{applications} đơn đăng ký gian hàng.".format(**programme)
        )
        inquiries = load_demo_inquiries()
        self.stdout.write(f"Hỏi mua: thêm {inquiries} yêu cầu mẫu (90 ngày qua).")
        if products:
            self._bulk(products, chunk)

    def _import_progress(self):
        """The importer reports (done, total) pages; the bar shows them as they go."""
        progress = None

        def report(done, total):
            nonlocal progress
            progress = progress or Progress(total, stream=self.stderr._out, unit="trang")
            progress.advance(done - progress.done)
            if done == total:
                progress.finish()

        return report

    def _bulk(self, total, chunk):
        progress = None

        def report(done, missing):
            nonlocal progress
            progress = progress or Progress(missing, stream=self.stderr._out)
            progress.advance(done)

        added = add_bulk_products(total, chunk=chunk, on_chunk=report)
        if progress is None:
            self.stdout.write(f"Đã có đủ {total:,} sản phẩm; không thêm gì.")
            return
        seconds = progress.finish()
        self.stdout.write(
            f"Thêm hàng loạt {added:,} sản phẩm trong {seconds:.1f} s "
            f"({added / max(seconds, 1e-9):,.0f} sản phẩm/giây)."
        )
