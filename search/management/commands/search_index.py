"""search_index --rebuild [--engine-only] | --reconcile: build or repair the search indexes."""

import sys

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.backends import elasticsearch_client


class Command(BaseCommand):
    help = "Rebuild the product index (new index, bulk load, atomic alias swap) or reconcile it."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="New index, bulk, alias swap.")
        group.add_argument("--reconcile", action="store_true", help="Fix what differs from the DB.")
        parser.add_argument("--chunk-size", type=int, default=indexing.CHUNK)
        parser.add_argument(
            "--engine-only",
            action="store_true",
            help="With --rebuild: the Elasticsearch index only (after a synonym change); the "
            "database fallback's table is kept current on every publish and is left as it is.",
        )

    def handle(self, *args, rebuild=False, reconcile=False, chunk_size=indexing.CHUNK, **options):
        engine_only = options.get("engine_only", False)
        if engine_only and not (rebuild and elasticsearch_client.is_configured()):
            raise CommandError("--engine-only goes with --rebuild and needs ELASTICSEARCH_URL.")
        target = "database only"
        if elasticsearch_client.is_configured():
            target = f"Elasticsearch ({elasticsearch_client.alias_name()}) and database"
            if engine_only:
                target = f"Elasticsearch ({elasticsearch_client.alias_name()}) only"
        self.stdout.write(f"Target: {target}")
        try:
            if rebuild:
                self._rebuild(chunk_size, engine_only)
            else:
                self._reconcile()
        except elasticsearch_client.ENGINE_ERRORS as error:
            raise CommandError(f"Elasticsearch did not answer: {error}") from error

    def _progress(self, done, total, seconds):
        rate = done / seconds if seconds else 0
        width = 30
        filled = int(width * done / total) if total else width
        bar = "#" * filled + "." * (width - filled)
        sys.stdout.write(f"\r[{bar}] {done}/{total}  {rate:,.0f}/s")
        sys.stdout.flush()

    def _rebuild(self, chunk_size, engine_only):
        report = indexing.rebuild(
            progress=self._progress, chunk_size=chunk_size, engine_only=engine_only
        )
        self.stdout.write("")
        where = f" into {report.index}, alias swapped" if report.index else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {report.count} products{where} in {report.seconds:.1f} s "
                f"({report.rate:,.0f} products/s)."
            )
        )
        if report.table:
            self.stdout.write(
                f"Fallback table: {report.table_seconds:.1f} s of it"
                + (
                    f"; waiting for Elasticsearch: {report.engine_wait:.1f} s."
                    if report.index
                    else "."
                )
            )
        if report.removed_indices:
            self.stdout.write(f"Deleted old index(es): {', '.join(report.removed_indices)}")

    def _reconcile(self):
        report = indexing.reconcile()
        found = {"missing": report.missing, "stale": report.stale, "orphaned": report.orphaned}
        for label, ids in found.items():
            shown = ", ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
            self.stdout.write(f"{label}: {len(ids)}" + (f" ({shown})" if ids else ""))
        self.stdout.write(self.style.SUCCESS(f"Reconciled: fixed {report.fixed} document(s)."))
