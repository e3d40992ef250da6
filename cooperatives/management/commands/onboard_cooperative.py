from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cooperatives.accounts import OnboardingError, find_cooperative, onboard, send_welcome_email


class Command(BaseCommand):
    help = (
        "Give a cooperative an admin account: a group with permissions on its own pages, a "
        "collection for its media and a user, then print and e-mail a password-setting link. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="slug of the cooperative's page, e.g. htx-thanh-tri")
        parser.add_argument("email", help="e-mail address of the cooperative's user")
        parser.add_argument(
            "--resend", action="store_true", help="e-mail the link again even if nothing changed"
        )

    def handle(self, slug, email, resend=False, **options):
        try:
            result = onboard(find_cooperative(slug), email)
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        names = {"name": result.account.page.title, "email": result.user.email}
        if result.changed:
            message = _("Đã cấp tài khoản cho %(name)s: %(email)s") % names
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write(
                _("%(name)s đã có tài khoản %(email)s; không có gì thay đổi.") % names
            )
        if result.changed or resend:
            send_welcome_email(result)
            self.stdout.write(_("Đã gửi thư tới %(email)s.") % names)
        self.stdout.write(_("Liên kết đặt mật khẩu: %(url)s") % {"url": result.password_url})
