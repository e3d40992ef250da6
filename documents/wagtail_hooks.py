from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.snippets import TaxonomyViewSet

from .taxonomy import Issuer, LegalField


class IssuerViewSet(TaxonomyViewSet):
    model = Issuer
    icon = "site"
    menu_label = _("Cơ quan ban hành")


class LegalFieldViewSet(TaxonomyViewSet):
    model = LegalField
    icon = "tag"
    menu_label = _("Lĩnh vực văn bản")


class LibraryTaxonomies(SnippetViewSetGroup):
    items = (IssuerViewSet, LegalFieldViewSet)
    menu_icon = "doc-full"
    menu_label = _("Danh mục văn bản")
    menu_name = "library-taxonomies"


register_snippet(LibraryTaxonomies)
