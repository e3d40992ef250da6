from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from documents.models import LegalDocumentPage
from documents.tasks import extract_document


class Command(BaseCommand):
    help = "Extract the text of every document page's official file (unchanged files are skipped)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="read unchanged files again")

    def handle(self, *args, force=False, **options):
        ids = set(
            LegalDocumentPage.objects.exclude(official_file=None).values_list(
                "official_file", flat=True
            )
        )
        pages = failed = 0
        for document in get_document_model().objects.filter(pk__in=ids):
            row = extract_document(document, force=force)
            pages += row.pages
            failed += row.state == row.State.FAILED
            self.stdout.write(f"{document.file.name}: {row.state}, {row.pages} pages")
        self.stdout.write(self.style.SUCCESS(f"{len(ids)} files, {pages} pages, {failed} failed"))
