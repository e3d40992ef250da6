"""The stand application forms: a cooperative's (its own products, open events only) and the
Alliance's review (the quota kept). Every rule is checked here so a refused save writes nothing."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cooperatives.permissions import account_for, is_alliance_editor

from .applications import ApplicationStatus, StandApplication


def application_events():
    """Events that take stand applications, in the default language (one row per event)."""
    from .models import EventPage

    return (
        EventPage.objects.live()
        .filter(locale__language_code="vi", registration_deadline__isnull=False)
        .order_by("start")
    )


class StandApplicationForm(WagtailAdminModelForm):
    class Meta:
        model = StandApplication
        fields = [
            "event",
            "cooperative",
            "products",
            "support_needed",
            "contact_phone",
            "status",
            "review_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = self.for_user
        self.is_alliance = is_alliance_editor(self.user)
        self.own = None if self.is_alliance else account_for(self.user)
        self._previous_status = self.instance.status if self.instance.pk else None
        if "event" in self.fields:
            self._scope_events()
        if "products" in self.fields:
            self._scope_products()

    def _scope_events(self):
        events = application_events()
        if not self.is_alliance:
            events = events.filter(registration_deadline__gte=timezone.now())
            if self.instance.pk:
                events = events | application_events().filter(pk=self.instance.event_id)
        self.fields["event"].queryset = events

    def _scope_products(self):
        from products.models import ProductPage

        cooperative = (
            self.own.page if self.own else self.instance.cooperative if self.instance.pk else None
        )
        products = ProductPage.objects.none()
        if cooperative is not None:
            products = ProductPage.objects.child_of(cooperative).order_by("title")
        elif self.is_alliance:
            products = ProductPage.objects.order_by("title")
        # The widget first: setting the queryset hands the widget its choices.
        self.fields["products"].widget = forms.CheckboxSelectMultiple()
        self.fields["products"].queryset = products

    def clean(self):
        cleaned = super().clean()
        if self.own is not None:
            self.instance.cooperative = self.own.page
            self._check_cooperative_may_apply(cleaned)
        cooperative = cleaned.get("cooperative") or getattr(self.instance, "cooperative", None)
        event = cleaned.get("event")
        if cooperative and event:
            self._check_unique(cooperative, event)
            self._check_products(cooperative, cleaned.get("products") or [])
        if self.is_alliance and event and cleaned.get("status") == ApplicationStatus.ACCEPTED:
            self._check_quota(event)
        return cleaned

    def _check_cooperative_may_apply(self, cleaned):
        if self.instance.pk and self.instance.status != ApplicationStatus.SUBMITTED:
            raise ValidationError(
                _("Liên minh đã xét đơn này; muốn thay đổi, hãy liên hệ Liên minh.")
            )
        event = cleaned.get("event")
        if event is None:
            return
        if not event.applications_open():
            self.add_error("event", _("Đã hết hạn đăng ký gian hàng cho sự kiện này."))
        sectors = list(event.eligible_sectors.all())
        if sectors and self.own.page.sector_id not in {s.pk for s in sectors}:
            self.add_error(
                "event",
                _("Sự kiện này chỉ nhận HTX thuộc lĩnh vực: %(sectors)s.")
                % {"sectors": ", ".join(s.name for s in sectors)},
            )

    def _check_unique(self, cooperative, event):
        others = StandApplication.objects.filter(cooperative=cooperative, event=event)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            self.add_error("event", _("Hợp tác xã đã đăng ký gian hàng ở sự kiện này."))

    def _check_products(self, cooperative, products):
        if any(p.get_parent().pk != cooperative.pk for p in products):
            self.add_error("products", _("Chỉ chọn được sản phẩm của chính hợp tác xã."))

    def _check_quota(self, event):
        accepted = StandApplication.objects.accepted().filter(event=event)
        if self.instance.pk:
            accepted = accepted.exclude(pk=self.instance.pk)
        if accepted.count() >= event.stand_quota:
            self.add_error(
                "status",
                _("Đã nhận đủ %(quota)s gian hàng; hãy đưa đơn vào danh sách chờ.")
                % {"quota": event.stand_quota},
            )

    @property
    def status_changed(self):
        return self._previous_status is not None and self._previous_status != self.instance.status

    def save(self, commit=True):
        if self.is_alliance and self.status_changed:
            self.instance.reviewed_at = timezone.now()
        if not self.instance.pk:
            self.instance.submitted_by = self.user
        return super().save(commit=commit)
