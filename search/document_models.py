"""The database fallback's index of the documents library: one row per live document page."""

from django.db import models


class DocumentSearchText(models.Model):
    page = models.OneToOneField(
        "documents.LegalDocumentPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_text",
    )
    language = models.CharField(max_length=10, db_index=True)
    title = models.CharField(max_length=255)
    number = models.CharField(max_length=60)
    url = models.CharField(max_length=500)
    summary = models.TextField()
    # The file's text as extracted, for the highlighted passage.
    body = models.TextField(blank=True)
    # Folded words of title, number, summary and body, padded with spaces: " luat hop tac xa ".
    folded = models.TextField()
    folded_title = models.CharField(max_length=400)
    doc_type = models.CharField(max_length=20, db_index=True)
    issuer = models.CharField(max_length=120, db_index=True)
    legal_field = models.CharField(max_length=120, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, db_index=True)
    issued_on = models.DateField(null=True)
    # The dates the status is computed from on the day of the search (documents/status.py).
    effective_from = models.DateField(null=True)
    ends_on = models.DateField(null=True)
    partly_from = models.DateField(null=True)
    status_override = models.CharField(max_length=20, blank=True)

    class Meta:
        app_label = "search"

    def __str__(self):
        return f"{self.number} {self.title}"
