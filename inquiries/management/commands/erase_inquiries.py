from django.conf import settings
from django.core.management.base import BaseCommand

from inquiries.erasure import erase_expired


class Command(BaseCommand):
    help = "Erase buyers' personal data older than INQUIRY_RETENTION_DAYS. Meant for daily cron."

    def handle(self, *args, **options):
        inquiries, requests = erase_expired()
        self.stdout.write(
            f"erased {inquiries} inquiries and {requests} requests for quotation older than "
            f"{settings.INQUIRY_RETENTION_DAYS} days"
        )
