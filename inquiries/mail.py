"""Mail about inquiries, sent off the request path through the durable "mail" task queue.

`queue()` writes a `Delivery` and enqueues its task in the caller's transaction: the inquiry and
the mail that announces it are stored together or not at all. The worker
(`manage.py db_worker --backend mail`) renders and sends it; a failed send is retried later with
a growing delay, and after the last attempt the delivery stays "failed" on the trade desk's
screen. Logs name deliveries by id, never by address.
"""

import datetime
import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from .models import Delivery, Message, Quotation, QuoteInvitation

logger = logging.getLogger(__name__)

# Minutes to wait before each retry; one attempt more than there are delays.
RETRY_DELAYS = (1, 5, 30, 120, 480)
BUYER_SALT = "inquiries.buyer"


def buyer_token(record):
    """The signed token of a buyer's private page (an inquiry or a request for quotation)."""
    return signing.Signer(salt=BUYER_SALT).sign(str(record.token))


def unsign_token(value):
    """The UUID string a token carries, or None when it was not signed by us."""
    try:
        return signing.Signer(salt=BUYER_SALT).unsign(value)
    except signing.BadSignature:
        return None


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def buyer_url(record, view="inquiries:buyer"):
    with translation.override(record.language):
        return absolute(reverse(view, kwargs={"token": buyer_token(record)}))


def queue(kind, to, *, language="vi", inquiry=None, quote_request=None, object_id=None):
    """Store one mail and enqueue its sending; nothing is sent when there is no address."""
    to = sorted({address for address in to if address})
    if not to:
        return None
    delivery = Delivery.objects.create(
        kind=kind,
        to=to,
        language=language,
        inquiry=inquiry,
        quote_request=quote_request,
        object_id=object_id,
    )
    send_delivery.enqueue(delivery.pk)
    return delivery


# The record a mail carries beside its inquiry or request, by the delivery's kind.
ITEMS = {
    Delivery.Kind.ANSWER: Message,
    Delivery.Kind.BUYER_REPLY: Message,
    Delivery.Kind.QUOTATION: Quotation,
    Delivery.Kind.QUOTE_INVITATION: QuoteInvitation,
}


def render(delivery):
    """(subject, body) in the recipient's language: the template's first line is the subject."""
    context = {
        "delivery": delivery,
        "inquiry": delivery.inquiry,
        "quote_request": delivery.quote_request,
        "item": ITEMS[delivery.kind].objects.filter(pk=delivery.object_id).first()
        if delivery.kind in ITEMS
        else None,
        "admin_url": absolute(reverse("wagtailadmin_home")),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    record = delivery.inquiry or delivery.quote_request
    if record is not None:
        view = "inquiries:buyer" if delivery.inquiry else "inquiries:quote_buyer"
        context["buyer_url"] = buyer_url(record, view)
    with translation.override(delivery.language):
        text = render_to_string(f"inquiries/mail/{delivery.kind}.txt", context).strip()
    subject, _, body = text.partition("\n")
    return " ".join(subject.split()), body.strip() + "\n"


@task(backend="mail")
def send_delivery(delivery_id):
    delivery = Delivery.objects.select_related("inquiry", "quote_request").filter(pk=delivery_id)
    delivery = delivery.first()
    if delivery is None or delivery.state != Delivery.State.PENDING:
        return
    try:
        subject, body = render(delivery)
        EmailMessage(subject, body, to=delivery.to, reply_to=_reply_to(delivery)).send()
    except Exception as error:  # noqa: BLE001 - any failure is retried, then shown to the desk
        _failed(delivery, error)
    else:
        delivery.state = Delivery.State.SENT
        delivery.sent_at = timezone.now()
        delivery.attempts += 1
        delivery.save(update_fields=["state", "sent_at", "attempts"])


# Mail a buyer receives; a buyer who replies by mail reaches the trade desk, never nobody.
TO_BUYERS = {
    Delivery.Kind.ACKNOWLEDGEMENT,
    Delivery.Kind.ANSWER,
    Delivery.Kind.BUYER_ESCALATED,
    Delivery.Kind.BUYER_PASSED,
    Delivery.Kind.QUOTE_ACKNOWLEDGEMENT,
    Delivery.Kind.QUOTATION,
}


def _reply_to(delivery):
    # Cooperatives answer in the admin, where the answer is counted: their mail has no Reply-To.
    if delivery.kind in TO_BUYERS and settings.INQUIRY_TRADE_DESK_EMAIL:
        return [settings.INQUIRY_TRADE_DESK_EMAIL]
    return None


def _failed(delivery, error):
    delivery.attempts += 1
    delivery.last_error = f"{type(error).__name__}: {error}"[:300]
    if delivery.attempts > len(RETRY_DELAYS):
        delivery.state = Delivery.State.FAILED
        logger.warning("inquiries: delivery %s failed for good", delivery.pk)
    else:
        delay = datetime.timedelta(minutes=RETRY_DELAYS[delivery.attempts - 1])
        send_delivery.using(run_after=timezone.now() + delay).enqueue(delivery.pk)
        logger.info("inquiries: delivery %s will be retried", delivery.pk)
    delivery.save(update_fields=["attempts", "last_error", "state"])


def retry(delivery):
    """The trade desk sends a failed delivery again, to the same addresses (after the mail
    server or the recipient's mailbox is working again)."""
    delivery.state = Delivery.State.PENDING
    delivery.attempts = 0
    delivery.save(update_fields=["state", "attempts"])
    send_delivery.enqueue(delivery.pk)


def drain_queue():
    """Sends every queued mail now and returns: `db_worker --backend=mail` in batch mode, as the
    tests and the benchmark run it (the long-running worker of `make start` is the same command
    without `--batch`)."""
    # As options on the command line: the command's argparse checks its `--backend` there.
    call_command(
        "db_worker",
        "--backend=mail",
        "--queue-name=*",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--interval=0",
        verbosity=0,
    )
