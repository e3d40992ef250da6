"""Times import_catalogue on generated files: first import, re-import (nothing changes), dry run.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 MEDIA_ROOT=/tmp/bench-media \\
        .venv/bin/python bench/import_catalogue.py --products 1000 --images 100

Run it on a throwaway database: it migrates it and writes pages into it.
"""

import argparse
import csv
import io
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from PIL import Image  # noqa: E402

from products.importer.rows import COOPERATIVE_COLUMNS, PRODUCT_COLUMNS  # noqa: E402

SECTORS = ["Nông nghiệp", "Thủ công mỹ nghệ", "Chăn nuôi", "Thủy sản"]
AREAS = ["Huyện Đông Anh", "Huyện Gia Lâm", "Huyện Ba Vì", "Huyện Sóc Sơn", "Huyện Chương Mỹ"]
CATEGORIES = ["Nông sản > Gạo", "Nông sản > Rau củ", "Chè", "Trái cây", "Gốm sứ"]


def write_files(folder: Path, products: int, images: int):
    cooperatives = max(1, products // 10)
    with (folder / "htx.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(COOPERATIVE_COLUMNS)
        for n in range(cooperatives):
            out.writerow(
                [f"HN-{n:04d}", f"HTX Nông nghiệp số {n}", "HTX", SECTORS[n % 4], AREAS[n % 5]]
                + ["Hà Nội", "0912 345 678", f"htx{n}@example.vn", "", 2010, 30, "Rau an toàn."]
            )
    for n in range(images):
        Image.new("RGB", (64, 48), (n % 255, 120, 60)).save(folder / f"anh-{n}.jpg")
    with (folder / "san-pham.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(PRODUCT_COLUMNS)
        for n in range(products):
            certs, stars = ("VietGAP|OCOP", 4) if n % 3 == 0 else ("VietGAP", "")
            image = f"anh-{n}.jpg" if n < images else ""
            out.writerow(
                [f"HN-{n % cooperatives:04d}", f"Sản phẩm số {n}", CATEGORIES[n % 5]]
                + ["Mô tả ngắn.", "45.000", "kg", certs, stars, "9-11", image]
            )


def timed(label, *args):
    started = time.perf_counter()
    out = io.StringIO()
    call_command("import_catalogue", *args, stdout=out, stderr=io.StringIO())
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.1f} s")
    print("   " + out.getvalue().strip().replace("\n", "\n   "))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--images", type=int, default=100)
    options = parser.parse_args()
    logging.disable(logging.INFO)
    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_files(folder, options.products, options.images)
        files = ["--cooperatives", str(folder / "htx.csv"), "--products"]
        files.append(str(folder / "san-pham.csv"))
        timed("dry run", *files, "--dry-run")
        timed("first import", *files)
        timed("re-import, nothing changed", *files)


if __name__ == "__main__":
    main()
