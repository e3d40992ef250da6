from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .catalogue import catalogue_context
from .models import Synonym
from .report import search_report

hooks.register("catalogue_context", catalogue_context)


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Từ đồng nghĩa")
    list_display = ["terms", "created_at"]
    search_fields = ["terms"]
    add_to_admin_menu = False


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def report_urls():
    return [path("search-report/", search_report, name="search_report")]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchrecord")


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return SearchReportMenuItem(
        _("Người mua tìm gì"), reverse("search_report"), icon_name="search", order=900
    )
