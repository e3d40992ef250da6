"""The library of collective-economy documents: its index, document pages, typed relations
between documents, and the text extracted from their official files."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.pages import BasePage
from portal.structured_data import SCHEMA, absolute_url, compact

from .choices import INVERSE_LABELS, DocumentType, RelationKind, Status
from .files import file_error
from .status import status_dates
from .taxonomy import Issuer, LegalField

__all__ = [
    "Issuer",
    "LegalField",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "DocumentRelation",
    "ExtractedText",
]


class LegalDocumentIndexPage(BasePage):
    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.LegalDocumentPage"]
    max_count_per_parent = 1
    template = "documents/legal_document_index_page.html"

    class Meta:
        verbose_name = _("thư viện văn bản")

    def get_context(self, request, *args, **kwargs):
        from .hooks import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(self, request))
        return context


class LegalDocumentPage(BasePage):
    number = models.CharField(
        _("số hiệu"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_("Ví dụ: 17/2023/QH15. Để trống nếu bản lưu không ghi số hiệu."),
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentType.choices)
    issuer = models.ForeignKey(
        Issuer, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    issued_on = models.DateField(
        _("ngày ban hành"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu bản lưu không ghi ngày ký; không đoán."),
    )
    effective_from = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    effective_until = models.DateField(
        _("ngày hết hiệu lực"),
        null=True,
        blank=True,
        help_text=_(
            "Chỉ điền khi văn bản tự ghi ngày hết hiệu lực; văn bản bị thay thế thì "
            "khai báo quan hệ “thay thế” ở văn bản mới."
        ),
    )
    legal_field = models.ForeignKey(
        LegalField,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(
        _("ý nghĩa với hợp tác xã"),
        help_text=_("Vài câu bằng lời thường: văn bản này thay đổi gì cho một hợp tác xã."),
    )
    official_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp văn bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("PDF, DOCX hoặc TXT. Chữ trong tệp được tìm kiếm được."),
    )
    source_url = models.URLField(_("nguồn chính thức"), blank=True)
    status_override = models.CharField(
        _("hiệu lực do biên tập viên xác định"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_("Để trống để tính từ ngày tháng và các văn bản liên quan."),
    )
    checked_on = models.DateField(_("ngày kiểm tra hiệu lực"), null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
        FieldPanel("legal_field"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_from")]),
                FieldPanel("effective_until"),
                FieldRowPanel([FieldPanel("status_override"), FieldPanel("checked_on")]),
            ],
            heading=_("Ngày tháng và hiệu lực"),
        ),
        FieldPanel("official_file"),
        FieldPanel("source_url"),
        InlinePanel("relations", label=_("Quan hệ với văn bản khác")),
    ]
    parent_page_types = ["documents.LegalDocumentIndexPage"]
    subpage_types = []
    template = "documents/legal_document_page.html"

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def clean(self):
        super().clean()
        errors = {}
        if self.effective_from and self.issued_on and self.effective_from < self.issued_on:
            errors["effective_from"] = _("Ngày có hiệu lực không thể trước ngày ban hành.")
        start = self.effective_from or self.issued_on
        if self.effective_until and start and self.effective_until <= start:
            errors["effective_until"] = _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        if self.official_file_id and (message := file_error(self.official_file)):
            errors["official_file"] = message
        if errors:
            raise ValidationError(errors)

    @cached_property
    def incoming(self):
        """Live relations pointing here, with the document they come from (one query)."""
        return list(
            DocumentRelation.objects.filter(target=self, page__live=True)
            .select_related("page")
            .order_by("page__issued_on")
        )

    @cached_property
    def outgoing(self):
        return list(self.relations.select_related("target").all())

    @cached_property
    def dates(self):
        return status_dates(self, self.incoming)

    def status(self, day=None):
        return self.dates.status_on(day or timezone.localdate())

    def get_status_display(self):
        return Status(self.status()).label

    @cached_property
    def replaced_by(self):
        """The relation that ended this document, for "replaced by … from …" at its top."""
        ending = [r for r in self.incoming if r.ends_target and r.effective_on]
        ending = [r for r in ending if r.effective_on <= timezone.localdate()]
        return min(ending, key=lambda r: r.effective_on) if ending else None

    def relations_both_ways(self):
        """[(label, document, date, note)]: what this document does, then what was done to it."""
        rows = [(r.get_kind_display(), r.target, r.from_date, r.note) for r in self.outgoing]
        rows += [(INVERSE_LABELS[r.kind], r.page, r.effective_on, r.note) for r in self.incoming]
        return rows

    def get_meta_description(self):
        return self.search_description or self.summary[:300]

    def get_structured_data(self, request):
        return [
            compact(
                {
                    "@context": SCHEMA,
                    "@type": "Legislation",
                    "name": self.title,
                    "legislationIdentifier": self.number,
                    "legislationDate": self.issued_on,
                    "legislationDateVersion": self.checked_on or self.issued_on,
                    "legislationPassedBy": {"@type": "Organization", "name": self.issuer.name},
                    "abstract": self.summary,
                    "url": absolute_url(request, self.get_url(request)),
                    "sameAs": self.source_url,
                    "inLanguage": "vi",
                }
            )
        ]


class DocumentRelation(Orderable):
    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("quan hệ"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )
    from_date = models.DateField(
        _("từ ngày"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu bằng ngày văn bản này có hiệu lực."),
    )
    note = models.CharField(
        _("phạm vi"), max_length=200, blank=True, help_text=_("Ví dụ: Điều 5, khoản 2 Điều 7.")
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("target")]),
        FieldRowPanel([FieldPanel("from_date"), FieldPanel("note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("quan hệ văn bản")

    def clean(self):
        super().clean()
        if self.page_id and self.target_id == self.page_id:
            raise ValidationError({"target": _("Văn bản không thể liên quan đến chính nó.")})

    @property
    def ends_target(self):
        from .choices import ENDING

        return self.kind in ENDING

    @property
    def effective_on(self):
        return self.from_date or self.page.effective_from


class ExtractedText(models.Model):
    """The text of one official file, kept with the hash of the content it came from."""

    class State(models.TextChoices):
        DONE = "done", _("Đã trích xuất")
        FAILED = "failed", _("Lỗi trích xuất")

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    sha256 = models.CharField(max_length=64)
    state = models.CharField(max_length=10, choices=State.choices)
    text = models.TextField(blank=True)
    pages = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    error = models.CharField(max_length=300, blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("chữ trích từ tệp")

    def __str__(self):
        return f"{self.document_id}: {self.state}, {self.pages}"
