"""Builds the page tree a fresh install needs: the home page and its index pages, in both locales.

Runs after every `migrate` and changes nothing when the tree is already there.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage

# (model label, Vietnamese title, Vietnamese slug, English title, English slug)
INDEX_PAGES = [
    (
        "cooperatives.CooperativeIndexPage",
        "Hợp tác xã",
        "hop-tac-xa",
        "Cooperatives",
        "cooperatives",
    ),
    ("products.ProductIndexPage", "Sản phẩm", "san-pham", "Products", "products"),
    (
        "home.StoryIndexPage",
        "Mô hình tiêu biểu",
        "mo-hinh-tieu-bieu",
        "Model cooperatives",
        "model-cooperatives",
    ),
    ("home.NewsIndexPage", "Tin tức", "tin-tuc", "News", "news"),
    ("events.EventIndexPage", "Sự kiện", "su-kien", "Events", "events"),
    ("documents.LegalDocumentIndexPage", "Văn bản", "van-ban", "Documents", "documents"),
]


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


@transaction.atomic
def ensure_site_tree():
    ensure_locales()
    vi = Locale.objects.get(language_code="vi")
    en = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        # `manage.py flush` (and transactional tests) empty the tables Wagtail's migrations
        # filled, content types included: forget the cached ones and make the root again.
        ContentType.objects.clear_cache()
        root = Page.add_root(title="Root", slug="root", locale=vi)
    home = HomePage.objects.filter(locale=vi).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Cổng thông tin Hợp tác xã Hà Nội",
                slug="trang-chu",
                locale=vi,
                hero_title="Sản phẩm hợp tác xã Thủ đô, từ nơi làm ra đến tay người mua",
                hero_text=(
                    "Tìm hợp tác xã, sản phẩm OCOP và nông sản an toàn của Hà Nội; "
                    "liên hệ trực tiếp với nhà sản xuất."
                ),
            )
        )
        home.save_revision().publish()
    _point_default_site_at(home)
    _remove_welcome_page(root)
    for label, title, slug, _en_title, _en_slug in INDEX_PAGES:
        model = apps.get_model(label)
        if not model.objects.filter(locale=vi).exists():
            page = home.add_child(instance=model(title=title, slug=slug, locale=vi))
            page.save_revision().publish()
    _ensure_english_tree(home, en)
    return home


def _point_default_site_at(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()


def _remove_welcome_page(root):
    """Wagtail's own migration leaves a plain 'Welcome' page; the portal's home replaces it."""
    for page in root.get_children().filter(
        content_type__model="page", content_type__app_label="wagtailcore"
    ):
        if not page.get_children().exists():
            page.delete()


def _ensure_english_tree(home, en):
    """English copies of the home and index pages, so /en/ has its own tree from day one."""
    english_home = home.get_translation_or_none(en)
    if english_home is None:
        english_home = home.copy_for_translation(en)
        english_home.title = "Hanoi Cooperatives Portal"
        english_home.hero_title = "Products of Hanoi's cooperatives, from the maker to the buyer"
        english_home.hero_text = (
            "Find Hanoi's cooperatives, OCOP products and safe farm produce, and contact the "
            "producers directly."
        )
        english_home.save_revision().publish()
    for page in home.get_children().specific():
        names = next((row for row in INDEX_PAGES if row[2] == page.slug), None)
        if names is None or page.get_translation_or_none(en) is not None:
            continue
        copy = type(page)(
            title=names[3], slug=names[4], locale=en, translation_key=page.translation_key
        )
        english_home.add_child(instance=copy).save_revision().publish()


def ensure_site_tree_after_migrate(**kwargs):
    ensure_site_tree()
