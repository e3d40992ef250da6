from django.core.management.base import BaseCommand, CommandError

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
        name = result.account.page.title
        if result.changed:
            message = f"Đã cấp tài khoản cho {name}: {result.user.email}"
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write(f"{name} đã có tài khoản {result.user.email}; không có gì thay đổi.")
        if result.changed or resend:
            send_welcome_email(result)
            self.stdout.write(f"Đã gửi thư tới {result.user.email}.")
        self.stdout.write(f"Liên kết đặt mật khẩu: {result.password_url}")
