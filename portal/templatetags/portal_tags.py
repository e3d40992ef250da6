"""Template tags of the public site: navigation, breadcrumbs, language links, phones, pages.

Everything that touches the database does so in a constant number of queries and caches its
answer on the request, so the header, footer and structured data can all ask again for free.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

register = template.Library()

# Sections of the main navigation: key used by templates -> page model label.
SECTION_MODELS = {
    "cooperatives": ("cooperatives", "cooperativeindexpage"),
    "products": ("products", "productindexpage"),
    "stories": ("home", "storyindexpage"),
    "news": ("home", "newsindexpage"),
    "events": ("events", "eventindexpage"),
    "documents": ("documents", "legaldocumentindexpage"),
}
OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}


def current_language(context):
    page = context.get("page")
    if isinstance(page, Page) and page.locale_id:
        return page.locale.language_code
    return translation.get_language() or settings.LANGUAGE_CODE


def _cached(request, key, build):
    if request is None:
        return build()
    cache = request.__dict__.setdefault("_portal_tags_cache", {})
    if key not in cache:
        cache[key] = build()
    return cache[key]


# Navigation -------------------------------------------------------------------------------


@dataclass
class NavItem:
    title: str
    url: str
    path: str
    key: str = ""
    active: bool = False


@dataclass
class Sections:
    home_url: str = "/"
    items: list = field(default_factory=list)

    def __getattr__(self, name):
        # sections.products, sections.cooperatives … (None when the section does not exist)
        if name in SECTION_MODELS:
            return next((item for item in self.items if item.key == name), None)
        raise AttributeError(name)


def _section_content_types():
    models = ContentType.objects.get_by_natural_key
    return {models(*label).pk: key for key, label in SECTION_MODELS.items()}


def build_sections(request, language):
    """The current locale's home page and its live children shown in the menu: two queries."""
    types = _section_content_types()
    pages = list(
        Page.objects.live()
        .filter(locale__language_code=language, depth__in=[2, 3])
        .filter(Q(depth=2) | Q(show_in_menus=True) | Q(content_type_id__in=list(types)))
        .order_by("path")
    )
    home = next((p for p in pages if p.depth == 2), None)
    if home is None:
        return Sections()
    items = [
        NavItem(
            p.title,
            p.get_url(request) or "",
            p.path,
            types.get(p.content_type_id, ""),
        )
        for p in pages
        if p.depth == 3 and p.path.startswith(home.path)
    ]
    order = list(SECTION_MODELS)
    items.sort(key=lambda i: order.index(i.key) if i.key in order else len(order))
    return Sections(home.get_url(request) or "/", items)


@register.simple_tag(takes_context=True)
def site_sections(context):
    """`{% site_sections as sections %}`: home URL, menu items, and sections by name."""
    request = context.get("request")
    language = current_language(context)
    sections = _cached(request, f"sections:{language}", lambda: build_sections(request, language))
    page = context.get("page")
    path = getattr(page, "path", "") if isinstance(page, Page) else ""
    for item in sections.items:
        item.active = bool(path) and path.startswith(item.path)
    return sections


# Breadcrumbs ------------------------------------------------------------------------------


def breadcrumb_trail(request, page):
    """[(title, url, absolute url)] from the home page down to `page`; one query."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []

    def build():
        ancestors = list(page.get_ancestors().filter(depth__gte=2))
        trail = []
        for crumb in [*ancestors, page]:
            url = crumb.get_url(request)
            if url is None:
                continue
            trail.append((crumb.title, url, crumb.get_full_url(request)))
        if trail:
            trail[0] = (str(_("Trang chủ")), trail[0][1], trail[0][2])
        return trail

    return _cached(request, f"breadcrumbs:{page.pk}", build)


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    return {"trail": breadcrumb_trail(context.get("request"), context.get("page"))}


# Language switcher ------------------------------------------------------------------------


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    is_translation: bool
    full_url: str = ""


def build_language_links(request, page, language):
    """For each language, the page's live translation, else that language's home: one query."""
    wanted = Q(depth=2)
    if isinstance(page, Page) and page.translation_key:
        wanted |= Q(translation_key=page.translation_key)
    candidates = list(Page.objects.live().filter(wanted).select_related("locale"))
    links = []
    names = getattr(settings, "PORTAL_LANGUAGE_NAMES", {})
    for code, default_name in settings.LANGUAGES:
        mine = [p for p in candidates if p.locale.language_code == code]
        translation_page = next(
            (
                p
                for p in mine
                if isinstance(page, Page) and p.translation_key == page.translation_key
            ),
            None,
        )
        target = translation_page or next((p for p in mine if p.depth == 2), None)
        if target is None:
            continue
        url = target.get_url(request) or ""
        links.append(
            LanguageLink(
                code=code,
                name=str(names.get(code, default_name)),
                url=url,
                current=code == language,
                is_translation=translation_page is not None,
                full_url=target.get_full_url(request) or "",
            )
        )
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    """`{% language_links as links %}`: one link per language for the switcher and hreflang."""
    request = context.get("request")
    page = context.get("page")
    language = current_language(context)
    key = f"languages:{getattr(page, 'pk', None)}:{language}"
    return _cached(request, key, lambda: build_language_links(request, page, language))


@register.simple_tag(takes_context=True)
def og_locale(context):
    return OG_LOCALES.get(current_language(context), "vi_VN")


@register.simple_tag(takes_context=True)
def og_locale_alternates(context):
    language = current_language(context)
    return [value for code, value in OG_LOCALES.items() if code != language]


# URLs -------------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's absolute URL; list pages past the first keep their ?page= number."""
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    url = page.get_full_url(context.get("request"))
    if not url:
        return ""
    page_obj = context.get("page_obj")
    number = getattr(page_obj, "number", 1)
    return f"{url}?{urlencode({'page': number})}" if number and number > 1 else url


@register.filter
def tel_href(phone):
    """A phone link keeps only the digits and "+": "024 3825.0000" -> "tel:02438250000"."""
    return "tel:" + "".join(ch for ch in phone or "" if ch.isdigit() or ch == "+")


@register.filter
def elided_pages(page_obj):
    """Page numbers around the current one, with … where pages are left out."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
