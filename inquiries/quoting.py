"""Requests for quotation: every live cooperative of the category is invited and may quote.

A request is open until its deadline or until the buyer closes it; the buyer compares the
quotations side by side on the private page. A cooperative sees only the requests it was
invited to and only its own quotation (`invitations_for`).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale

from cooperatives.models import CooperativePage
from products.models import ProductCategory

from . import mail
from .access import cooperative_addresses, own_cooperative, trade_desk_addresses
from .models import Delivery, Quotation, QuoteInvitation, QuoteRequest

Kind = Delivery.Kind


def categories():
    """The categories a buyer chooses from, in the page's language, parents first."""
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    return (
        ProductCategory.objects.filter(locale=locale)
        .select_related("parent")
        .order_by("parent__name", "name")
    )


def cooperatives_of(category):
    """Live cooperatives with a live product in the category or one of its subcategories."""
    source = category.get_translation_or_none(Locale.get_default()) or category
    ids = [source.pk, *source.children.values_list("pk", flat=True)]
    return (
        CooperativePage.objects.live()
        .public()
        .filter(product_pages__live=True, product_pages__category_id__in=ids)
        .distinct()
        .order_by("title")
    )


@transaction.atomic
def submit(quote_request, verdict):
    now = timezone.now()
    quote_request.created_at = quote_request.consent_at = now
    if verdict.spam:
        quote_request.status = QuoteRequest.Status.SPAM
    elif verdict.held:
        quote_request.status = QuoteRequest.Status.HELD
        quote_request.held_reason = verdict.held
    quote_request.save()
    if verdict.spam:
        return quote_request
    _mail(Kind.QUOTE_ACKNOWLEDGEMENT, [quote_request.email], quote_request, quote_request.language)
    if verdict.held:
        _mail(Kind.HELD, trade_desk_addresses(), quote_request)
    else:
        invite(quote_request)
    return quote_request


def _mail(kind, to, quote_request, language="vi", object_id=None):
    return mail.queue(kind, to, language=language, quote_request=quote_request, object_id=object_id)


def invite(quote_request):
    for cooperative in cooperatives_of(quote_request.category):
        invitation, created = QuoteInvitation.objects.get_or_create(
            request=quote_request, cooperative=cooperative
        )
        if created:
            _mail(
                Kind.QUOTE_INVITATION,
                cooperative_addresses(cooperative),
                quote_request,
                object_id=invitation.pk,
            )


@transaction.atomic
def release(quote_request):
    """The trade desk checked a held request: the category is invited now."""
    quote_request.status, quote_request.held_reason = QuoteRequest.Status.OPEN, ""
    quote_request.save(update_fields=["status", "held_reason"])
    invite(quote_request)


def close(quote_request, now=None):
    if quote_request.status in (QuoteRequest.Status.OPEN, QuoteRequest.Status.HELD):
        quote_request.status = QuoteRequest.Status.CLOSED
        quote_request.closed_at = now or timezone.now()
        quote_request.save(update_fields=["status", "closed_at"])


def close_expired(today=None):
    """Requests past their deadline close (run by `chase_inquiries`); returns how many."""
    today = today or timezone.localdate()
    expired = QuoteRequest.objects.filter(status=QuoteRequest.Status.OPEN, deadline__lt=today)
    return expired.update(status=QuoteRequest.Status.CLOSED, closed_at=timezone.now())


def quotations_for_buyer(quote_request):
    """The quotations received, cheapest first within each currency, with their cooperative."""
    return (
        Quotation.objects.filter(invitation__request=quote_request)
        .select_related("invitation__cooperative")
        .order_by("currency", "price", "pk")
    )


def invitations_for(user):
    """The invitations a cooperative's user sees: its own cooperative's, nobody else's."""
    cooperative = own_cooperative(user)
    if cooperative is None:
        return QuoteInvitation.objects.none()
    return QuoteInvitation.objects.filter(cooperative=cooperative).exclude(
        request__status__in=[QuoteRequest.Status.HELD, QuoteRequest.Status.SPAM]
    )


@transaction.atomic
def save_quotation(invitation, form):
    """Store (or update) the cooperative's quotation and tell the buyer."""
    quotation = form.save(commit=False)
    quotation.invitation = invitation
    quotation.updated_at = timezone.now()
    quotation.save()
    request = invitation.request
    _mail(Kind.QUOTATION, [request.email], request, request.language, object_id=quotation.pk)
    return quotation
