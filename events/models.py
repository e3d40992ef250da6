"""The Alliance's programme: the events index, event pages, and cooperatives' stand applications."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from portal.pages import BasePage

from .applications import StandApplication
from .choices import EventKind, EventStatus
from .structured import event_structured_data

__all__ = ["EventIndexPage", "EventPage", "EventGalleryImage", "StandApplication"]

# Changing any of these changes what a subscribed calendar shows: SEQUENCE rises.
CALENDAR_FIELDS = (
    "title",
    "start",
    "end",
    "status",
    "venue_name",
    "address",
    "online_url",
    "summary",
)


class EventIndexPage(RoutablePageMixin, BasePage):
    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    template = "events/event_index_page.html"
    page_size = 12

    class Meta:
        verbose_name = _("danh sách sự kiện")

    def get_context(self, request, *args, **kwargs):
        from .listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context

    # Wagtail's page URLs take no dots, so feeds are /su-kien/ical/ and /su-kien/ical/<kind>/;
    # calendar apps go by the text/calendar content type, and downloads are named .ics.
    @path("ical/", name="feed")
    @path("ical/<slug:kind>/", name="kind_feed")
    def feed(self, request, kind=None):
        from .calendar import feed_response

        return feed_response(self, request, kind)


class EventPage(RoutablePageMixin, BasePage):
    kind = models.CharField(_("loại sự kiện"), max_length=20, choices=EventKind.choices)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    start = models.DateTimeField(_("bắt đầu"), help_text=_("Giờ Hà Nội (GMT+7)."))
    end = models.DateTimeField(_("kết thúc"), help_text=_("Giờ Hà Nội (GMT+7)."))
    summary = models.TextField(
        _("tóm tắt"), max_length=400, help_text=_("Một hai câu: sự kiện gì, cho ai.")
    )
    body = RichTextField(
        _("nội dung"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    venue_name = models.CharField(
        _("nơi tổ chức"), max_length=200, blank=True, help_text=_("Để trống nếu chỉ trực tuyến.")
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    area = models.ForeignKey(
        "cooperatives.Area",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    online_url = models.URLField(
        _("đường dẫn trực tuyến"), blank=True, help_text=_("Phòng họp trực tuyến hoặc kênh phát.")
    )
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=200)
    image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("ảnh chính"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration_deadline = models.DateTimeField(
        _("hạn đăng ký gian hàng"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu sự kiện không nhận đăng ký gian hàng."),
    )
    stand_quota = models.PositiveIntegerField(_("số gian hàng"), default=0)
    eligible_sectors = ParentalManyToManyField(
        "cooperatives.Sector",
        verbose_name=_("lĩnh vực được đăng ký"),
        blank=True,
        related_name="+",
        help_text=_("Để trống nếu mọi lĩnh vực đều được đăng ký."),
    )
    eligibility = models.TextField(_("điều kiện tham gia"), blank=True)
    support = models.TextField(
        _("hỗ trợ của Liên minh"),
        blank=True,
        help_text=_("Ví dụ: miễn phí gian hàng, hỗ trợ vận chuyển."),
    )
    participants_published = models.BooleanField(
        _("công bố danh sách HTX tham gia"),
        default=False,
        help_text=_("Khi bật, trang sự kiện hiện các HTX được nhận gian hàng."),
    )
    # Calendar apps keep an event by UID and replace it when SEQUENCE rises.
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("area"),
                FieldPanel("online_url"),
                FieldPanel("organiser"),
            ],
            heading=_("Địa điểm và đơn vị tổ chức"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_deadline"),
                FieldPanel("stand_quota"),
                FieldPanel("eligible_sectors"),
                FieldPanel("eligibility"),
                FieldPanel("support"),
                FieldPanel("participants_published"),
            ],
            heading=_("Gian hàng"),
        ),
        FieldPanel("image"),
        InlinePanel("gallery_images", label=_("Thư viện ảnh")),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    class Meta:
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")
        indexes = [models.Index(fields=["start"])]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Giờ kết thúc phải sau giờ bắt đầu.")
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _("Hạn đăng ký phải trước khi sự kiện bắt đầu.")
        if self.registration_deadline and not self.stand_quota:
            errors["stand_quota"] = _("Sự kiện nhận đăng ký gian hàng cần số gian hàng.")
        if not (self.venue_name or self.online_url):
            errors["venue_name"] = _("Cần nơi tổ chức hoặc đường dẫn trực tuyến.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self._bump_sequence(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def _bump_sequence(self, update_fields):
        """SEQUENCE rises once per save that changes what a calendar shows (RFC 5545 3.8.7.4).

        Saves limited to some fields (a new draft revision) never publish a change.
        """
        if not self.pk or update_fields is not None:
            return
        stored = type(self).objects.filter(pk=self.pk).values(*CALENDAR_FIELDS, "sequence").first()
        if stored is None:
            return
        # A revision may carry an older sequence than the row: never go back.
        self.sequence = max(self.sequence, stored["sequence"])
        if any(getattr(self, name) != stored[name] for name in CALENDAR_FIELDS):
            self.sequence = stored["sequence"] + 1

    @property
    def ical_uid(self):
        return f"{self.uid}@htx.hanoi.gov.vn"

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self):
        return self.status == EventStatus.MOVED_ONLINE or not self.venue_name

    @property
    def is_past(self):
        return self.end < timezone.now()

    def applications_open(self, now=None):
        now = now or timezone.now()
        return bool(
            self.registration_deadline
            and self.stand_quota
            and not self.is_cancelled
            and self.live
            and now <= self.registration_deadline
        )

    @cached_property
    def accepted_cooperatives(self):
        """The cooperatives whose stand was accepted, once the Alliance publishes the list."""
        if not self.participants_published:
            return []
        return [
            application.cooperative
            for application in StandApplication.objects.accepted()
            .filter(event__translation_key=self.translation_key)
            .select_related("cooperative")
            .order_by("cooperative__title")
        ]

    def local_start(self):
        return timezone.localtime(self.start)

    def local_end(self):
        return timezone.localtime(self.end)

    def days(self):
        """The local dates the event covers, for the month calendar."""
        first, last = self.local_start().date(), self.local_end().date()
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ics_url"] = (self.get_url(request) or "") + self.reverse_subpage("ics")
        return context

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_share_image(self):
        return self.social_image or self.image

    def get_structured_data(self, request):
        return [event_structured_data(self, request)]

    @path("ical/", name="ics")
    def ics(self, request):
        from .calendar import event_response

        return event_response(self, request)


class EventGalleryImage(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "portal.PortalImage", verbose_name=_("ảnh"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("mô tả ảnh"),
        max_length=250,
        blank=True,
        help_text=_("Tả ngắn điều ảnh cho thấy, cho người không xem được ảnh."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]
