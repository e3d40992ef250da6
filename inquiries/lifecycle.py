"""An inquiry's life: sent, held or delivered, read, answered, chased, escalated, passed on.

Every change goes through here, so each one writes its timestamped `InquiryEvent`, queues the
mail it owes in the same transaction, and keeps the cooperative's responsiveness current.
"""

from django.db import transaction
from django.utils import timezone

from . import mail
from .access import cooperative_addresses, trade_desk_addresses
from .models import Delivery, Inquiry, InquiryEvent, Message, Status
from .responsiveness import refresh

Kind = Delivery.Kind


def _event(inquiry, action, user=None, at=None):
    InquiryEvent.objects.create(
        inquiry=inquiry, action=action, status=inquiry.status, user=user, at=at or timezone.now()
    )


def _set_status(inquiry, status, user=None, at=None):
    at = at or timezone.now()
    inquiry.status = status
    inquiry.status_changed_at = at
    inquiry.save(update_fields=["status", "status_changed_at"])
    _event(inquiry, InquiryEvent.Action.STATUS, user, at)


def _mail(kind, to, inquiry, language=None, object_id=None):
    return mail.queue(kind, to, language=language or "vi", inquiry=inquiry, object_id=object_id)


def _tell_cooperative(kind, inquiry):
    """Mail the cooperative; one without any address is the trade desk's at once."""
    if _mail(kind, cooperative_addresses(inquiry.cooperative), inquiry) is None:
        escalate(inquiry)


@transaction.atomic
def submit(inquiry, verdict):
    """Store a screened inquiry (not yet saved) and queue what it owes; returns it."""
    now = timezone.now()
    inquiry.created_at = inquiry.consent_at = inquiry.status_changed_at = now
    if verdict.spam:
        inquiry.status = Status.SPAM
    elif verdict.held:
        inquiry.status, inquiry.held_reason = Status.HELD, verdict.held
    else:
        inquiry.status, inquiry.delivered_at = Status.NEW, now
    inquiry.save()
    _event(inquiry, InquiryEvent.Action.STATUS, at=now)
    if verdict.spam:
        return inquiry
    _mail(Kind.ACKNOWLEDGEMENT, [inquiry.email], inquiry, language=inquiry.language)
    if verdict.held:
        _mail(Kind.HELD, trade_desk_addresses(), inquiry)
    else:
        _tell_cooperative(Kind.NEW_INQUIRY, inquiry)
    return inquiry


@transaction.atomic
def release(inquiry, user):
    """The trade desk checked a held inquiry: it reaches the cooperative now."""
    now = timezone.now()
    inquiry.delivered_at = now
    inquiry.save(update_fields=["delivered_at"])
    _set_status(inquiry, Status.NEW, user, now)
    _tell_cooperative(Kind.NEW_INQUIRY, inquiry)


def mark_read(inquiry, user):
    if inquiry.status == Status.NEW and inquiry.delivered_at is not None:
        _set_status(inquiry, Status.READ, user)


def _answered_by_cooperative(inquiry, at):
    # An answer after the escalation does not make the cooperative responsive.
    if inquiry.first_answered_at is None and inquiry.escalated_at is None:
        inquiry.first_answered_at = at
        inquiry.save(update_fields=["first_answered_at"])


@transaction.atomic
def answer(inquiry, body, user, sender):
    """An answer from the cooperative or the Alliance: in the thread and mailed to the buyer."""
    message = Message.objects.create(inquiry=inquiry, sender=sender, user=user, body=body)
    if sender == Message.Sender.COOPERATIVE:
        _answered_by_cooperative(inquiry, message.created_at)
    _set_status(inquiry, Status.ANSWERED, user, message.created_at)
    _mail(Kind.ANSWER, [inquiry.email], inquiry, inquiry.language, object_id=message.pk)
    refresh(inquiry.cooperative_id)
    return message


@transaction.atomic
def change_status(inquiry, status, user, by_cooperative):
    """A status the cooperative (or the desk) sets without a message."""
    now = timezone.now()
    if by_cooperative and status in (Status.ANSWERED_OUTSIDE, Status.DECLINED):
        _answered_by_cooperative(inquiry, now)
    rescued = status == Status.NEW and inquiry.delivered_at is None
    if rescued:  # the desk restores one the honeypot took for spam: it reaches the cooperative
        inquiry.delivered_at = now
        inquiry.save(update_fields=["delivered_at"])
    _set_status(inquiry, status, user, now)
    if rescued:
        _tell_cooperative(Kind.NEW_INQUIRY, inquiry)
    refresh(inquiry.cooperative_id)


@transaction.atomic
def buyer_reply(inquiry, body):
    message = Message.objects.create(inquiry=inquiry, sender=Message.Sender.BUYER, body=body)
    if inquiry.status != Status.NEW:
        _set_status(inquiry, Status.NEW, at=message.created_at)
    to = (
        trade_desk_addresses()
        if inquiry.escalated_at
        else cooperative_addresses(inquiry.cooperative)
    )
    _mail(Kind.BUYER_REPLY, to, inquiry, object_id=message.pk)
    return message


def remind(inquiry, now):
    inquiry.reminded_at = now
    inquiry.save(update_fields=["reminded_at"])
    _event(inquiry, InquiryEvent.Action.REMINDED, at=now)
    _mail(Kind.REMINDER, cooperative_addresses(inquiry.cooperative), inquiry)


def escalate(inquiry, now=None):
    """To the trade desk, which answers on the cooperative's behalf or passes it on."""
    now = now or timezone.now()
    inquiry.escalated_at = now
    inquiry.save(update_fields=["escalated_at"])
    _event(inquiry, InquiryEvent.Action.ESCALATED, at=now)
    _mail(Kind.ESCALATION, trade_desk_addresses(), inquiry)
    _mail(Kind.BUYER_ESCALATED, [inquiry.email], inquiry, language=inquiry.language)


@transaction.atomic
def pass_to(inquiry, cooperative, user):
    """The desk gives the buyer's question to another cooperative: a new inquiry, linked."""
    now = timezone.now()
    copy = Inquiry.objects.get(pk=inquiry.pk)
    copy.pk = None
    copy.token = Inquiry._meta.get_field("token").default()
    copy.cooperative = cooperative
    copy.product = None
    copy.passed_from = inquiry
    copy.status, copy.held_reason = Status.NEW, ""
    copy.created_at = copy.delivered_at = copy.status_changed_at = now
    copy.first_answered_at = copy.reminded_at = copy.escalated_at = None
    copy.save()
    _event(copy, InquiryEvent.Action.STATUS, user, now)
    _event(inquiry, InquiryEvent.Action.PASSED, user, now)
    _set_status(inquiry, Status.CLOSED, user, now)
    _tell_cooperative(Kind.NEW_INQUIRY, copy)
    _mail(Kind.BUYER_PASSED, [inquiry.email], copy, language=inquiry.language)
    return copy
