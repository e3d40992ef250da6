"""Times `load_demo_data --products N` on a fresh database and prints the time and rate.

    .venv/bin/python bench/load_demo.py --products 10000
    DATABASE_URL=postgres://user@host:port/db .venv/bin/python bench/load_demo.py --fresh-db

SQLite: a new file under a temporary folder. PostgreSQL: the database in DATABASE_URL, whose
tables are dropped and migrated again only when --fresh-db is given (never point it at data
you keep).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--fresh-db", action="store_true", help="reset the DATABASE_URL schema")
    return parser.parse_args()


def setup(args, workdir):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["MEDIA_ROOT"] = str(Path(workdir) / "media")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"
    elif not args.fresh_db:
        sys.exit("DATABASE_URL is set: add --fresh-db to drop and rebuild its tables.")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def reset_postgres():
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")


def timed(label, func):
    started = time.perf_counter()
    func()
    seconds = time.perf_counter() - started
    print(f"{label}: {seconds:.1f} s", flush=True)
    return seconds


def main():
    args = parse()
    with tempfile.TemporaryDirectory(prefix="htx-bench-") as workdir:
        setup(args, workdir)
        from django.core.management import call_command
        from django.db import connection

        from products.models import ProductPage

        reset_postgres()
        timed("migrate (builds the page tree)", lambda: call_command("migrate", verbosity=0))
        base = timed(
            "base demo (published through revisions)", lambda: call_command("load_demo_data")
        )
        published = ProductPage.objects.count()
        bulk = timed(
            f"bulk to {args.products:,} products",
            lambda: call_command("load_demo_data", products=args.products, chunk=args.chunk),
        )
        added = ProductPage.objects.count() - published
        print(
            f"\n{connection.vendor}: base demo {published} products in {base:.1f} s "
            f"({published / base:.0f}/s); bulk {added:,} products in {bulk:.1f} s "
            f"({added / bulk:,.0f}/s); total {base + bulk:.1f} s"
        )


if __name__ == "__main__":
    main()
