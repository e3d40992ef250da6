"""Who may open the inquiry screens of the admin, and which records each user reaches there.

Everything starts from `access.visible_inquiries`; on top of it a cooperative never sees what
has not reached it yet (held for review, or refused as spam at the door): those are the trade
desk's. Records outside a user's reach answer 404, so their existence leaks nothing; an action
the user may not take on a record it does see answers 403.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .access import is_alliance, own_cooperative, visible_inquiries
from .models import Inquiry, Message


def uses_inquiries(user):
    """The Alliance's staff and the users of an active cooperative account."""
    return is_alliance(user) or own_cooperative(user) is not None


def is_cooperative_side(user):
    """A cooperative's user acting for it (an Alliance member always acts as the Alliance)."""
    return not is_alliance(user) and own_cooperative(user) is not None


def sender_for(user):
    return Message.Sender.ALLIANCE if is_alliance(user) else Message.Sender.COOPERATIVE


def admin_inquiries(user):
    queryset = visible_inquiries(user, Inquiry.objects.all())
    if not is_alliance(user):
        queryset = queryset.exclude(delivered_at=None)
    return queryset


def inquiry_for(user, pk):
    queryset = admin_inquiries(user).select_related("cooperative", "product", "passed_from")
    return get_object_or_404(queryset, pk=pk)


def forbidden(request):
    # Wagtail turns a raised PermissionDenied into a redirect to the dashboard; a refused action
    # on these screens answers 403 plainly, so that a script or a test cannot mistake it.
    context = {"page_title": _("Không có quyền"), "header_icon": "warning"}
    return TemplateResponse(request, "inquiries/admin/forbidden.html", context, status=403)


def _guarded(view, allowed):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapped


def inquiries_user(view):
    """403 for an admin user who is neither the Alliance nor a cooperative."""
    return _guarded(view, uses_inquiries)


def alliance_only(view):
    return _guarded(view, is_alliance)
