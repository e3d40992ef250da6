"""The "stand-applications" admin: the Alliance sees and reviews every application; a
cooperative's user sees, sends and edits only its own cooperative's.

Scoping is done twice on purpose: the listing's queryset, and every view addressed by an
application's id (edit, delete, history, usage, inspect), which answers 404 for another
cooperative's application before anything is shown or written.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from cooperatives.permissions import account_for, is_alliance_editor, is_cooperative_user

from .applications import ApplicationStatus, StandApplication
from .forms import StandApplicationForm
from .notifications import notify_reviewed, notify_submitted


def visible_applications(user, queryset=None):
    queryset = StandApplication.objects.all() if queryset is None else queryset
    if is_alliance_editor(user):
        return queryset
    account = account_for(user)
    return queryset.filter(cooperative=account.page) if account else queryset.none()


class StandApplicationPolicy(BasePermissionPolicy):
    """The Alliance may do anything; a cooperative adds, sees and changes its own, never deletes."""

    COOPERATIVE_ACTIONS = {"add", "change", "view"}

    def user_has_permission(self, user, action):
        if is_alliance_editor(user):
            return True
        return is_cooperative_user(user) and action in self.COOPERATIVE_ACTIONS

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            is_alliance_editor(user) or visible_applications(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return StandApplication.objects.none()
        return visible_applications(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()


class OwnOnly:
    """Views addressed by an id: another cooperative's application is not found."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not visible_applications(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


COOPERATIVE_PANELS = [
    FieldPanel("event"),
    FieldPanel("products"),
    FieldPanel("support_needed"),
    FieldPanel("contact_phone"),
]
ALLIANCE_PANELS = [
    FieldPanel("event"),
    FieldPanel("cooperative"),
    FieldPanel("products"),
    FieldPanel("support_needed"),
    FieldPanel("contact_phone"),
    FieldPanel("status"),
    FieldPanel("review_note"),
]


def _panel(panels):
    return ObjectList(panels, base_form_class=StandApplicationForm).bind_to_model(StandApplication)


class PanelsByRole:
    """A cooperative's form has no status or cooperative fields; the Alliance's has them all."""

    def get_panel(self):
        cooperative = is_cooperative_user(self.request.user)
        return _panel(COOPERATIVE_PANELS if cooperative else ALLIANCE_PANELS)

    def get_form_class(self):
        # The viewset hands every view one form class; ours depends on who is asking.
        return self.panel.get_form_class()


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_applications(
            self.request.user, super().get_base_queryset().select_related("event", "cooperative")
        )


class CreateView(PanelsByRole, generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        notify_submitted(instance)
        return instance


class EditView(OwnOnly, PanelsByRole, generic.EditView):
    def save_instance(self):
        changed = self.form.status_changed
        instance = super().save_instance()
        if changed and instance.status != ApplicationStatus.SUBMITTED:
            notify_reviewed(instance)
        return instance


class DeleteView(OwnOnly, generic.DeleteView):
    pass


class HistoryView(OwnOnly, history.HistoryView):
    pass


class UsageView(OwnOnly, usage.UsageView):
    pass


class InspectView(OwnOnly, generic.InspectView):
    pass


class StandApplicationViewSet(ModelViewSet):
    model = StandApplication
    name = "stand-applications"
    url_prefix = "stand-applications"
    icon = "clipboard-list"
    menu_label = _("Đăng ký gian hàng")
    menu_name = "stand-applications"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["cooperative", "event", "status", "submitted_at"]
    list_filter = ["status", "event"]
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    inspect_view_class = InspectView
    panels = ALLIANCE_PANELS
    form_fields = None
