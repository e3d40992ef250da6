from django.core.management.base import BaseCommand

from inquiries.chasing import chase


class Command(BaseCommand):
    help = (
        "Remind cooperatives of inquiries unanswered after 48 hours, pass those unanswered after "
        "72 hours to the trade desk, close expired requests for quotation, refresh the "
        "responsiveness figures. Idempotent; meant for cron (every 15 minutes)."
    )

    def handle(self, *args, **options):
        done = chase()
        self.stdout.write(
            f"reminded {done.reminded}, escalated {done.escalated}, "
            f"requests closed {done.requests_closed}, figures changed {done.figures_changed}"
        )
