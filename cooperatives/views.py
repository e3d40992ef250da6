"""Admin actions for the Alliance's editors: give a cooperative its account, or take it away."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .accounts import OnboardingError, offboard, onboard, send_welcome_email
from .models import CooperativeAccount, CooperativePage
from .permissions import is_alliance_editor


class OnboardForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Thư điện tử của hợp tác xã"),
        help_text=gettext_lazy("Thư có liên kết đặt mật khẩu sẽ được gửi tới địa chỉ này."),
    )


def _cooperative_for_editor(request, page_id):
    if not is_alliance_editor(request.user):
        raise PermissionDenied
    return get_object_or_404(CooperativePage, pk=page_id)


def account(request, page_id):
    page = _cooperative_for_editor(request, page_id)
    form = OnboardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = onboard(page, form.cleaned_data["email"])
        except OnboardingError as error:
            form.add_error("email", str(error))
        else:
            if result.changed:
                send_welcome_email(result)
                messages.success(
                    request,
                    _("Đã cấp tài khoản cho %(name)s và gửi thư tới %(email)s.")
                    % {"name": page.title, "email": result.user.email},
                )
            else:
                messages.info(request, _("Tài khoản đã có sẵn; không có gì thay đổi."))
            return redirect("cooperatives_account", page_id=page.pk)
    record = CooperativeAccount.objects.select_related("group", "collection").filter(page=page)
    record = record.first()
    users = list(record.group.user_set.order_by("email")) if record and record.group else []
    return TemplateResponse(
        request,
        "cooperatives/admin/account.html",
        {
            "page_title": _("Tài khoản của %(name)s") % {"name": page.title},
            "header_icon": "user",
            "cooperative": page,
            "record": record,
            "users": users,
            "form": form,
            "offboard_url": reverse("cooperatives_offboard", args=[page.pk]),
        },
    )


@require_POST
def offboard_view(request, page_id):
    page = _cooperative_for_editor(request, page_id)
    result = offboard(page)
    if result.changed:
        messages.success(
            request,
            _("Đã thu hồi quyền truy cập của %(name)s; các trang vẫn được giữ nguyên.")
            % {"name": page.title},
        )
    else:
        messages.info(request, _("Hợp tác xã này không có quyền truy cập nào để thu hồi."))
    return redirect("cooperatives_account", page_id=page.pk)
