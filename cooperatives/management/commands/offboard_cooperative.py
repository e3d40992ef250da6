from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cooperatives.accounts import OnboardingError, find_cooperative, offboard


class Command(BaseCommand):
    help = (
        "Remove a cooperative's admin access: delete its group and deactivate its users. "
        "Its pages, images and documents stay. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="slug of the cooperative's page")

    def handle(self, slug, **options):
        try:
            page = find_cooperative(slug)
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        result = offboard(page)
        if not result.changed:
            message = _("%(name)s không có quyền truy cập nào; không có gì thay đổi.")
            self.stdout.write(message % {"name": page.title})
            return
        emails = ", ".join(u.email for u in result.users) or "-"
        message = _("Đã thu hồi quyền của %(name)s (%(emails)s); trang vẫn giữ nguyên.")
        self.stdout.write(self.style.SUCCESS(message % {"name": page.title, "emails": emails}))
