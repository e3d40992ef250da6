from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.snippets import TaxonomyViewSet

from . import guide, views
from .admin_api import CollectionScopedDocumentsAPIViewSet, CollectionScopedImagesAPIViewSet
from .admin_panels import ALLIANCE_PANELS, CooperativePagesPanel, ProfileChecklistPanel
from .middleware import ALLIANCE_ONLY_REPORTS, explorable_page_ids
from .models import CooperativePage
from .permissions import account_for, is_alliance_editor, is_cooperative_user
from .taxonomy import Area, Sector


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Lĩnh vực")


class AreaViewSet(TaxonomyViewSet):
    model = Area
    icon = "site"
    menu_label = _("Địa bàn")
    extra_columns = ("kind",)


class DirectoryTaxonomies(SnippetViewSetGroup):
    items = (SectorViewSet, AreaViewSet)
    menu_icon = "group"
    menu_label = _("Danh mục HTX")
    menu_name = "directory-taxonomies"


register_snippet(DirectoryTaxonomies)


# --- Cooperative accounts: keep each cooperative inside its own subtree ---------------------


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser_to_own_subtree(pages, request):
    """The page chooser lists every page by default; a cooperative sees only its own."""
    if not is_cooperative_user(request.user):
        return pages
    return pages.filter(pk__in=explorable_page_ids(request.user))


@hooks.register("before_delete_page")
def keep_cooperative_page(request, page):
    """Only the Alliance removes a cooperative from the directory."""
    if is_cooperative_user(request.user) and page.specific_class is CooperativePage:
        raise PermissionDenied


@hooks.register("construct_reports_menu")
def hide_alliance_reports(request, menu_items):
    if not is_alliance_editor(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in ALLIANCE_ONLY_REPORTS]


@hooks.register("construct_admin_api", order=100)
def scope_media_api_by_collection(router):
    """Runs after Wagtail's own registrations, so these endpoints replace them."""
    router.register_endpoint("images", CollectionScopedImagesAPIViewSet)
    router.register_endpoint("documents", CollectionScopedDocumentsAPIViewSet)


# --- What a cooperative sees: its own work, nothing it cannot use ---------------------------

# Main menu items a cooperative's user keeps (Wagtail MenuItem names). Anything else, Reports,
# Snippets, Settings and whatever a later app adds, stays hidden until it is listed here.
COOPERATIVE_MENU = {
    "explorer",
    "images",
    "documents",
    "inquiries",
    "quote-requests",
    "stand-applications",
    "help",
}
# Wagtail's help links lead to its English guide and release notes; ours replaces them.
WAGTAIL_HELP_ITEMS = {"editor-guide"}


@hooks.register("construct_main_menu")
def cooperative_menu(request, menu_items):
    if is_cooperative_user(request.user):
        menu_items[:] = [item for item in menu_items if item.name in COOPERATIVE_MENU]


@hooks.register("register_help_menu_item")
def guide_menu_item():
    return MenuItem(
        _("Hướng dẫn cho hợp tác xã"),
        reverse("cooperatives_guide"),
        name="cooperative-guide",
        icon_name="help",
        order=1050,
    )


@hooks.register("construct_help_menu")
def drop_wagtail_guides(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in WAGTAIL_HELP_ITEMS and not item.name.startswith("whats-new-in-wagtail")
    ]


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    if is_alliance_editor(request.user):
        panels.extend(panel(order=40 + i) for i, panel in enumerate(ALLIANCE_PANELS))
    elif (account := account_for(request.user)) is not None:
        # Its own pages panel gives each page's status and the Alliance's comment; Wagtail's
        # "your pages in a workflow" would list the same pages again.
        panels[:] = [
            p for p in panels if type(p).__name__ != "UserObjectsInWorkflowModerationPanel"
        ]
        panels.extend([ProfileChecklistPanel(account), CooperativePagesPanel(account)])


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cooperatives/admin.css"))


# --- The Alliance's account actions ------------------------------------------------------


@hooks.register("register_admin_urls")
def register_account_urls():
    return [
        path("huong-dan/", guide.guide, name="cooperatives_guide"),
        path("huong-dan/anh/<str:name>", guide.screenshot, name="cooperatives_guide_image"),
        path("cooperatives/<int:page_id>/account/", views.account, name="cooperatives_account"),
        path(
            "cooperatives/<int:page_id>/account/offboard/",
            views.offboard_view,
            name="cooperatives_offboard",
        ),
    ]


def _account_button(page, user, priority, button_class):
    if page.specific_class is CooperativePage and is_alliance_editor(user):
        return button_class(
            _("Tài khoản HTX"),
            reverse("cooperatives_account", args=[page.pk]),
            icon_name="user",
            priority=priority,
        )
    return None


@hooks.register("register_page_header_buttons")
def account_header_button(page, user, view_name, next_url=None):
    if button := _account_button(page, user, 60, Button):
        yield button


@hooks.register("register_page_listing_more_buttons")
def account_listing_button(page, user, next_url=None):
    if button := _account_button(page, user, 60, Button):
        yield button
