"""The home page and the editorial pages: model-cooperative stories, news, plain pages."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.pages import BasePage
from portal.structured_data import (
    SCHEMA,
    alliance_organization,
    compact,
    image_url,
    portal_settings,
)
from products.models import ProductIndexPage

IMAGE_FIELD = {
    "to": "portal.PortalImage",
    "null": True,
    "blank": True,
    "on_delete": models.SET_NULL,
    "related_name": "+",
}


class HomePage(BasePage):
    hero_title = models.CharField(_("tiêu đề lớn"), max_length=160, blank=True)
    hero_text = models.TextField(_("lời giới thiệu"), max_length=400, blank=True)
    hero_image = models.ForeignKey(verbose_name=_("ảnh nền"), **IMAGE_FIELD)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Phần mở đầu"),
        ),
        InlinePanel(
            "featured_products",
            label=_("Sản phẩm nổi bật"),
            help_text=_("Để trống thì trang chủ hiện các sản phẩm mới nhất."),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from .figures import directory_figures
        from .listings import featured_products, latest_pages

        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = featured_products(self)
        context["stories"] = latest_pages(StoryPage, self.locale, 3)
        context["news"] = latest_pages(NewsPage, self.locale, 4)
        context["figures"] = directory_figures(self.locale)
        if not context["figures"].cooperatives and not self.locale.is_default:
            # An edition whose directory is not translated yet points to the default one.
            context["default_edition"] = self.get_translation_or_none(Locale.get_default())
        return context

    def get_structured_data(self, request):
        """The portal as a schema.org WebSite, with the catalogue as its search action."""
        settings = portal_settings(request)
        data = {
            "@context": SCHEMA,
            "@type": "WebSite",
            "name": getattr(settings, "portal_name", self.title),
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "publisher": alliance_organization(request),
        }
        catalogue = ProductIndexPage.objects.live().filter(locale=self.locale).first()
        if catalogue is not None:
            data["potentialAction"] = {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{catalogue.get_full_url(request)}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            }
        return [compact(data)]


class HomeFeaturedProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey(
        "products.ProductPage",
        verbose_name=_("sản phẩm"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("product", "products.ProductPage")]


class EditorialIndexPage(BasePage):
    """An index listing its live children newest first, paginated."""

    intro = models.TextField(_("giới thiệu"), blank=True)
    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    page_size = 10

    class Meta:
        abstract = True

    def children_queryset(self, request):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.children_queryset(request), self.page_size)
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context


class ArticlePage(BasePage):
    """What stories and news share: a date, an intro, a picture and a body."""

    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    intro = models.TextField(_("tóm tắt"), max_length=500)
    image = models.ForeignKey(verbose_name=_("ảnh chính"), **IMAGE_FIELD)
    image_alt = models.CharField(_("mô tả ảnh chính"), max_length=250, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    # The panels stories and news share; each page type adds its own around the body.
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Ảnh")),
    ]
    subpage_types = []
    schema_type = "Article"

    class Meta:
        abstract = True

    @property
    def main_image_alt(self):
        if self.image_alt:
            return self.image_alt
        return self.image.default_alt_text if self.image else ""

    def get_share_image(self):
        return self.social_image or self.image

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_structured_data(self, request):
        url = self.get_full_url(request)
        article = {
            "@context": SCHEMA,
            "@type": self.schema_type,
            "headline": self.title[:110],
            "description": self.intro,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": self.date.isoformat() if self.date else None,
            "dateModified": self.last_published_at.isoformat() if self.last_published_at else None,
            "image": [image_url(self.image)] if self.image else None,
            "inLanguage": self.locale.language_code,
            "publisher": alliance_organization(request),
            "author": alliance_organization(request),
        }
        return [compact(article)]


class StoryIndexPage(EditorialIndexPage):
    subpage_types = ["home.StoryPage"]
    template = "home/story_index_page.html"

    class Meta:
        verbose_name = _("mô hình tiêu biểu (danh sách)")

    def children_queryset(self, request):
        return (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related("image__renditions", "cooperatives")
            .order_by("-date", "-pk")
        )


class StoryPage(ArticlePage):
    """A model cooperative's story: a new-style cooperative or an advanced example."""

    cooperatives = ParentalManyToManyField(
        "cooperatives.CooperativePage",
        verbose_name=_("hợp tác xã được giới thiệu"),
        related_name="stories",
        blank=True,
    )
    content_panels = [*ArticlePage.content_panels, FieldPanel("cooperatives"), FieldPanel("body")]
    parent_page_types = ["home.StoryIndexPage"]
    template = "home/story_page.html"

    class Meta:
        verbose_name = _("mô hình tiêu biểu")
        verbose_name_plural = _("mô hình tiêu biểu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_cooperatives"] = (
            self.cooperatives.live().public().select_related("sector", "area", "logo")
        )
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", on_delete=models.CASCADE, related_name="tagged")


class NewsIndexPage(EditorialIndexPage):
    subpage_types = ["home.NewsPage"]
    template = "home/news_index_page.html"

    class Meta:
        verbose_name = _("tin tức (danh sách)")

    def children_queryset(self, request):
        pages = (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related("image__renditions", "tags")
            .order_by("-date", "-pk")
        )
        tag = request.GET.get("tag", "")
        if not tag:
            return pages
        # No tag's slug holds a NUL byte, and PostgreSQL refuses one in a query: match nothing.
        return pages.filter(tags__slug=tag) if "\x00" not in tag else pages.none()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tag"] = request.GET.get("tag", "")
        return context


class NewsPage(ArticlePage):
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("thẻ"))
    content_panels = [*ArticlePage.content_panels, FieldPanel("body"), FieldPanel("tags")]
    schema_type = "NewsArticle"
    parent_page_types = ["home.NewsIndexPage"]
    template = "home/news_page.html"

    class Meta:
        verbose_name = _("tin tức")
        verbose_name_plural = _("tin tức")


class StandardPage(BasePage):
    intro = models.TextField(_("tóm tắt"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("trang nội dung")
