"""The inquiry screens in Wagtail's admin: URLs, the two menu items, the dashboard panels.

The paths are fixed: the mails the lifecycle sends link to them (templates/inquiries/mail/).
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_deliveries, admin_export, admin_quotes, admin_views, report
from .access import is_alliance, own_cooperative
from .admin_access import uses_inquiries
from .admin_panels import AllianceInquiriesPanel, CooperativeInquiriesPanel

# One namespace for both screens; every view checks who may see what (`admin_access`).
urlpatterns = [
    path("inquiries/", admin_views.inquiry_list, name="list"),
    path("inquiries/export.csv", admin_export.export_csv, name="export"),
    path("inquiries/report/", report.inquiry_report, name="report"),
    path("inquiries/deliveries/", admin_deliveries.delivery_list, name="deliveries"),
    path("inquiries/deliveries/<int:pk>/retry/", admin_deliveries.retry, name="retry"),
    path("inquiries/<int:pk>/", admin_views.inquiry_detail, name="detail"),
    path("inquiries/<int:pk>/answer/", admin_views.answer, name="answer"),
    path("inquiries/<int:pk>/status/", admin_views.change_status, name="status"),
    path("inquiries/<int:pk>/release/", admin_views.release, name="release"),
    path("inquiries/<int:pk>/pass/", admin_views.pass_on, name="pass"),
    path("quote-requests/", admin_quotes.quote_list, name="quotes"),
    path("quote-requests/<int:invitation_pk>/", admin_quotes.invitation, name="invitation"),
    path("quote-requests/request/<int:pk>/", admin_quotes.quote_request, name="quote_request"),
    path(
        "quote-requests/request/<int:pk>/release/",
        admin_quotes.release_request,
        name="release_request",
    ),
]


@hooks.register("register_admin_urls")
def register_inquiry_urls():
    return [path("", include((urlpatterns, "inquiries_admin")))]


class InquiriesMenuItem(MenuItem):
    """Shown to the Alliance and to the users of an active cooperative account only."""

    def is_shown(self, request):
        return uses_inquiries(request.user)


@hooks.register("register_admin_menu_item")
def inquiries_menu_item():
    return InquiriesMenuItem(
        _("Hỏi mua"),
        reverse("inquiries_admin:list"),
        name="inquiries",
        icon_name="mail",
        order=150,
    )


@hooks.register("register_admin_menu_item")
def quote_requests_menu_item():
    return InquiriesMenuItem(
        _("Yêu cầu báo giá"),
        reverse("inquiries_admin:quotes"),
        name="quote-requests",
        icon_name="doc-full",
        order=160,
    )


@hooks.register("construct_homepage_panels")
def add_inquiry_panels(request, panels):
    if is_alliance(request.user):
        panels.append(AllianceInquiriesPanel())
    elif (cooperative := own_cooperative(request.user)) is not None:
        panels.append(CooperativeInquiriesPanel(request.user, cooperative))
