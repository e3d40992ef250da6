from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cooperatives.permissions import is_alliance_editor
from portal.snippets import TaxonomyViewSet

from .admin_panels import ALLIANCE_PANELS
from .taxonomy import Certification, ProductCategory


class ProductCategoryViewSet(TaxonomyViewSet):
    model = ProductCategory
    icon = "folder-open-inverse"
    menu_label = _("Danh mục sản phẩm")
    extra_columns = ("parent",)

    def get_queryset(self, request):
        return ProductCategory.objects.select_related("parent", "locale")


class CertificationViewSet(TaxonomyViewSet):
    model = Certification
    icon = "success"
    menu_label = _("Loại chứng nhận")
    extra_columns = ("is_ocop",)


class CatalogueTaxonomies(SnippetViewSetGroup):
    items = (ProductCategoryViewSet, CertificationViewSet)
    menu_icon = "list-ul"
    menu_label = _("Danh mục sản phẩm")
    menu_name = "catalogue-taxonomies"


register_snippet(CatalogueTaxonomies)


@hooks.register("construct_homepage_panels")
def add_catalogue_panels(request, panels):
    """The catalogue's to-do lists, after the directory's, for the Alliance's editors."""
    if is_alliance_editor(request.user):
        panels.extend(panel(order=50 + i) for i, panel in enumerate(ALLIANCE_PANELS))
