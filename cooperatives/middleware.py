"""Closes the admin views Wagtail's permission policies leave open to a cooperative.

Wagtail filters most admin views by page permissions. Two gaps remain for a user with page
permissions on one subtree only, and this middleware closes them:

- the page types usage report counts every page of the site and names the last edited page of
  each type, whoever owns it: it is for the Alliance only;
- views addressed by a page id (the page chooser browsing a parent, for example) show that page's
  title before any permission check, and bulk action confirmations list the titles of the items
  the user may not act on. For a cooperative user, any admin URL naming a page outside its own
  subtree and that subtree's ancestors, or a bulk action naming an image or document outside its
  own collection, answers 404 before the view runs.
"""

from django.apps import apps
from django.urls import reverse
from django.views.defaults import page_not_found
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .login import remember_device
from .permissions import is_alliance_editor, is_cooperative_user

ALLIANCE_ONLY_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}
ALLIANCE_ONLY_REPORTS = {"page-types-usage"}
PAGE_ID_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")


def explorable_page_ids(user):
    """Ids of the pages the user may browse: its subtree and the ancestors leading to it."""
    if not hasattr(user, "_explorable_page_ids"):
        pages = policy_registry.get_by_type(Page).explorable_instances(user)
        user._explorable_page_ids = set(pages.values_list("pk", flat=True))
    return user._explorable_page_ids


class CooperativeAdminScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        username = getattr(request, "portal_logged_in_as", None)
        if username:  # a login just succeeded: this browser is known to the account
            remember_device(request, response, username)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        if view_name in ALLIANCE_ONLY_VIEWS and not is_alliance_editor(user):
            return self.not_found(request)
        if is_cooperative_user(user) and (
            self.names_a_foreign_page(user, view_kwargs)
            or (
                view_name == "wagtail_bulk_action" and self.bulk_names_foreign(request, view_kwargs)
            )
        ):
            return self.not_found(request)
        return None

    @staticmethod
    def names_a_foreign_page(user, view_kwargs):
        ids = [view_kwargs[key] for key in PAGE_ID_KWARGS if key in view_kwargs]
        return any(int(pk) not in explorable_page_ids(user) for pk in ids)

    @staticmethod
    def bulk_names_foreign(request, view_kwargs):
        ids = request.GET.getlist("id")
        if not ids or ids == ["all"]:
            return False  # "all" is resolved by the view from the user's own listing
        try:
            model = apps.get_model(view_kwargs["app_label"], view_kwargs["model_name"])
            ids = {int(pk) for pk in ids}
        except (LookupError, ValueError):
            return True
        if issubclass(model, Page):
            return not ids <= explorable_page_ids(request.user)
        policy = policy_registry.get_by_type(model)
        allowed = policy.instances_user_has_any_permission_for(request.user, ["change", "choose"])
        return allowed.filter(pk__in=ids).count() != len(ids)

    @staticmethod
    def not_found(request):
        return page_not_found(request, None, template_name="wagtailadmin/404.html")
