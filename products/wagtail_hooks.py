from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .taxonomy import Certification, ProductCategory


class ProductCategoryViewSet(SnippetViewSet):
    model = ProductCategory
    icon = "folder-open-inverse"
    menu_label = _("Danh mục sản phẩm")
    list_display = ["name", "parent", "slug", "locale"]
    search_fields = ["name"]
    list_filter = ["parent", "locale"]

    def get_queryset(self, request):
        return ProductCategory.objects.select_related("parent", "locale")


class CertificationViewSet(SnippetViewSet):
    model = Certification
    icon = "success"
    menu_label = _("Loại chứng nhận")
    list_display = ["name", "is_ocop", "slug", "locale"]
    search_fields = ["name"]
    list_filter = ["is_ocop", "locale"]


class CatalogueTaxonomies(SnippetViewSetGroup):
    items = (ProductCategoryViewSet, CertificationViewSet)
    menu_icon = "list-ul"
    menu_label = _("Danh mục sản phẩm")
    menu_name = "catalogue-taxonomies"


register_snippet(CatalogueTaxonomies)
