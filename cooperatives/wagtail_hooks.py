from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .taxonomy import Area, Sector


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    list_filter = ["locale"]


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = _("Địa bàn")
    list_display = ["name", "kind", "slug", "locale"]
    search_fields = ["name"]
    list_filter = ["kind", "locale"]


class DirectoryTaxonomies(SnippetViewSetGroup):
    items = (SectorViewSet, AreaViewSet)
    menu_icon = "group"
    menu_label = _("Danh mục HTX")
    menu_name = "directory-taxonomies"


register_snippet(DirectoryTaxonomies)
