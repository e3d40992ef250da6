"""What search keeps in the database: synonyms, searches made, the fallback's text table."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text import fold


class Synonym(models.Model):
    """Words buyers use for the same thing ("chè, trà"). Applied by `search_index --rebuild`."""

    terms = models.CharField(
        _("các từ đồng nghĩa"),
        max_length=255,
        help_text=_(
            "Các từ cách nhau bằng dấu phẩy, ví dụ: chè, trà. Có hiệu lực sau khi dựng lại chỉ mục."
        ),
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        verbose_name = _("từ đồng nghĩa")
        verbose_name_plural = _("từ đồng nghĩa")
        ordering = ["terms"]

    def __str__(self):
        return self.terms

    def term_list(self):
        return [t.strip().lower() for t in self.terms.split(",") if t.strip()]

    @classmethod
    def rules(cls):
        return [s.term_list() for s in cls.objects.all()]

    @classmethod
    def alternatives(cls):
        """Folded word -> every folded word it stands for, including itself."""
        table = {}
        for terms in cls.rules():
            folded = {fold(t) for t in terms}
            for word in folded:
                table.setdefault(word, set()).update(folded)
        return table


class SearchRecord(models.Model):
    """One search a buyer made. No IP, no session, no user: only what was asked and found."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    query = models.CharField(max_length=200, blank=True)
    folded_query = models.CharField(max_length=200, blank=True, db_index=True)
    filters = models.JSONField(default=dict, blank=True)
    result_count = models.PositiveIntegerField()
    backend = models.CharField(max_length=20)
    language = models.CharField(max_length=10, blank=True)

    class Meta:
        verbose_name = _("lượt tìm kiếm")
        verbose_name_plural = _("lượt tìm kiếm")
        indexes = [models.Index(fields=["created_at", "folded_query"])]

    def __str__(self):
        return f"{self.query} ({self.result_count})"


class ProductSearchText(models.Model):
    """The database fallback's index: one row per live, public product, kept with the ES index."""

    page = models.OneToOneField(
        "products.ProductPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_text",
    )
    language = models.CharField(max_length=10, db_index=True)
    title = models.CharField(max_length=255)
    title_sort = models.CharField(max_length=255, db_index=True)
    folded_title = models.CharField(max_length=255)
    # Every searchable word, folded: title, summary, category, cooperative, area, certifications.
    folded = models.TextField()
    category = models.CharField(max_length=120, db_index=True)
    category_parent = models.CharField(max_length=120, blank=True, db_index=True)
    area = models.CharField(max_length=120, blank=True, db_index=True)
    cooperative = models.CharField(max_length=255, blank=True, db_index=True)
    # "|vietgap|ocop|": pipe-delimited so one LIKE tests membership.
    certifications = models.CharField(max_length=500, blank=True)
    ocop_stars = models.PositiveSmallIntegerField(null=True, db_index=True)
    price_vnd = models.PositiveBigIntegerField(null=True, db_index=True)
    published_at = models.DateTimeField(null=True, db_index=True)
    last_published_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["language", "category"])]

    def __str__(self):
        return self.title


# The documents library fallback table lives in its own module.
from .document_models import DocumentSearchText  # noqa: E402, F401
