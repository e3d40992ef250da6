"""The directory's filters: sector, area, kind, latest rating and responsiveness, from the URL."""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models import CooperativePage, Kind, Rating
from .taxonomy import Area, Sector


class DirectoryFilter(forms.Form):
    q = forms.CharField(label=_("Tên hợp tác xã"), required=False, max_length=100)
    sector = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=Sector.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả lĩnh vực"),
    )
    area = forms.ModelChoiceField(
        label=_("Địa bàn"),
        queryset=Area.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả địa bàn"),
    )
    kind = forms.ChoiceField(
        label=_("Loại hình"), choices=[("", _("Tất cả loại hình")), *Kind.choices], required=False
    )
    rating = forms.ChoiceField(
        label=_("Xếp loại gần nhất"),
        choices=[("", _("Mọi xếp loại")), *Rating.choices],
        required=False,
    )
    responsive = forms.BooleanField(
        label=_("Thường trả lời trong 48 giờ"),
        required=False,
        help_text=_("Trả lời ít nhất 80% yêu cầu hỏi mua trong 48 giờ, trong 90 ngày qua."),
    )

    def __init__(self, data, locale):
        super().__init__(data)
        self.fields["sector"].queryset = Sector.objects.filter(locale=locale)
        self.fields["area"].queryset = Area.objects.filter(locale=locale)

    def queryset(self, index_page):
        """Live cooperatives under the index, filtered by the valid fields only."""
        pages = (
            CooperativePage.objects.child_of(index_page)
            .live()
            .public()
            .select_related("sector", "area", "logo")
            .prefetch_related("logo__renditions")
            .annotate(product_count=Count("product_pages", filter=Q(product_pages__live=True)))
            .order_by("title")
        )
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("q"):
            pages = pages.filter(title__icontains=data["q"])
        if data.get("sector"):
            pages = pages.filter(sector=data["sector"])
        if data.get("area"):
            pages = pages.filter(area=data["area"])
        if data.get("kind"):
            pages = pages.filter(kind=data["kind"])
        if data.get("rating"):
            pages = pages.filter(latest_rating=data["rating"])
        if data.get("responsive"):
            pages = pages.filter(translation_key__in=self.responsive_keys())
        return pages

    @staticmethod
    def responsive_keys():
        # The figures belong to the Vietnamese page (inquiries' reverse relation); a translation
        # shares its translation key.
        fast = CooperativePage.objects.filter(responsiveness__responds_within_48h=True)
        return fast.values("translation_key")

    def active(self):
        """(label, value, query string without it) of each filter in force: the chips."""
        if not self.is_valid():
            return []
        chosen = []
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if value:
                if name in ("kind", "rating"):
                    shown = dict(field.choices).get(value, value)
                else:
                    shown = _("có") if value is True else value
                chosen.append((field.label, shown, self.query_without(name)))
        return chosen

    def query_without(self, name):
        """The current query string without one filter, back on the first page."""
        params = self.data.copy()
        for key in (name, "page"):
            params.pop(key, None)
        return f"?{params.urlencode()}"
