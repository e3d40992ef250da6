from django.core.management.base import BaseCommand

from search.document_indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the documents library's search indexes (the fallback table and Elasticsearch)."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", required=True)

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"{count} documents indexed"))
