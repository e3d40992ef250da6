"""Mail about stand applications: to the Alliance and the applicant when one is sent, to the
cooperative when the Alliance decides.

Mail goes through the durable "mail" task queue (settings `TASKS`): enqueued in the same
transaction as the application, so a rolled-back save sends nothing and a slow mail server
never holds up the admin.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from portal.models import PortalSettings


@task()
def send_notification_task(subject, body, recipients):
    send_mail(subject, body, None, recipients, fail_silently=False)


class _Sender:
    """`send_notification.enqueue(...)` on the durable "mail" queue where settings define it."""

    @staticmethod
    def enqueue(*args):
        if "mail" in settings.TASKS:
            return send_notification_task.using(backend="mail").enqueue(*args)
        return send_notification_task.enqueue(*args)


send_notification = _Sender()


def _admin_url(application):
    return settings.WAGTAILADMIN_BASE_URL + reverse(
        "stand-applications:edit", args=[application.pk]
    )


def _cooperative_emails(cooperative):
    account = getattr(cooperative, "account", None)
    if account is None or account.group_id is None:
        return []
    return list(
        account.group.user_set.filter(is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def _alliance_emails():
    portal = PortalSettings.objects.filter(site__is_default_site=True).first()
    return [portal.alliance_email] if portal and portal.alliance_email else []


def notify_submitted(application):
    with translation.override("vi"):
        subject = _("Đăng ký gian hàng: %(coop)s – %(event)s") % {
            "coop": application.cooperative.title,
            "event": application.event.title,
        }
        body = _(
            "%(coop)s đăng ký gian hàng tại “%(event)s”.\n\nHỗ trợ cần có: %(support)s\n"
            "Điện thoại: %(phone)s\n\nXem và xét đơn: %(url)s"
        ) % {
            "coop": application.cooperative.title,
            "event": application.event.title,
            "support": application.support_needed or "–",
            "phone": application.contact_phone,
            "url": _admin_url(application),
        }
    recipients = _alliance_emails()
    if recipients:
        send_notification.enqueue(subject, body, recipients)
    applicants = _cooperative_emails(application.cooperative)
    if applicants:
        send_notification.enqueue(subject, _confirmation(application), applicants)


def _confirmation(application):
    with translation.override("vi"):
        return _(
            "Liên minh HTX đã nhận đăng ký gian hàng của %(coop)s tại “%(event)s”. "
            "Chúng tôi sẽ báo kết quả xét qua thư này.\n\nTheo dõi đơn: %(url)s"
        ) % {
            "coop": application.cooperative.title,
            "event": application.event.title,
            "url": _admin_url(application),
        }


def notify_reviewed(application):
    recipients = _cooperative_emails(application.cooperative)
    if not recipients:
        return
    with translation.override("vi"):
        subject = _("Kết quả đăng ký gian hàng: %(event)s") % {"event": application.event.title}
        body = _(
            "Đơn đăng ký gian hàng của %(coop)s tại “%(event)s”: %(status)s.\n\n%(note)s\n\n"
            "Xem đơn: %(url)s"
        ) % {
            "coop": application.cooperative.title,
            "event": application.event.title,
            "status": application.get_status_display(),
            "note": application.review_note,
            "url": _admin_url(application),
        }
    send_notification.enqueue(subject, body, recipients)
