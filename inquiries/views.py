"""The buyer's side: send an inquiry, follow it on a private page, reply; the same for quotes."""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from cooperatives.models import CooperativePage
from products.models import ProductPage

from . import lifecycle, quoting, spam
from .forms import InquiryForm, QuoteRequestForm, ReplyForm
from .mail import buyer_token, unsign_token
from .models import Inquiry, QuoteRequest


@dataclass
class Target:
    cooperative: CooperativePage
    product: ProductPage | None = None

    @property
    def unit(self):
        return self.product.unit if self.product else ""


def _source(page):
    """The Vietnamese page an English one translates: inquiries belong to the source."""
    return page.get_translation_or_none(Locale.get_default()) or page


def _page(model, value):
    value = str(value or "")
    # An id the database can hold: a 30-digit one would be a database error, not a 404.
    if not (value.isascii() and value.isdigit() and len(value) <= 18):
        return None
    return model.objects.live().public().filter(pk=int(value)).first()


def target_from(params):
    """The product or cooperative a form names (`product` or `cooperative` id), else 404."""
    product = _page(ProductPage, params.get("product"))
    if product is not None:
        product = _source(product)
        if product.cooperative_page is not None and product.cooperative_page.live:
            return Target(product.cooperative_page, product)
    cooperative = _page(CooperativePage, params.get("cooperative"))
    if cooperative is None:
        raise Http404("no such product or cooperative")
    return Target(_source(cooperative))


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _submit(request, form, same, store, buyer_view):
    """Screen a valid form, store it with `store(verdict)` and show the buyer's page; None when
    refused (the reason is on the form, with everything the buyer typed)."""
    verdict = spam.screen(request, form.cleaned_data, same)
    if verdict.refused:
        form.add_error(None, verdict.refused)
        form.refused = True
        return None
    record = store(verdict)
    if verdict.spam:
        return render(request, "inquiries/received.html")
    url = reverse(buyer_view, kwargs={"token": buyer_token(record)})
    return redirect(f"{url}?sent=1")


def _form_status(request, form):
    if request.method != "POST":
        return 200
    return 429 if getattr(form, "refused", False) else 400  # refused: too many, or a repeat


@require_http_methods(["GET", "POST"])
def send_inquiry(request):
    target = target_from(request.POST if request.method == "POST" else request.GET)
    form = InquiryForm(request.POST or None, unit=target.unit)

    def store(verdict):
        inquiry = form.save(commit=False)
        inquiry.cooperative, inquiry.product = target.cooperative, target.product
        inquiry.language = get_language()
        return lifecycle.submit(inquiry, verdict)

    if request.method == "POST" and form.is_valid():
        message = form.cleaned_data["message"]
        same = Inquiry.objects.filter(cooperative=target.cooperative, message=message)
        response = _submit(request, form, same, store, "inquiries:buyer")
        if response is not None:
            return response
    context = {"form": form, "target": target, "challenge": spam.new_challenge()}
    status = _form_status(request, form)
    return render(request, "inquiries/inquiry_form_page.html", context, status=status)


def _by_token(queryset, token):
    value = unsign_token(token)
    record = queryset.filter(token=value).first() if value else None
    if record is None:
        raise Http404("unknown token")
    return record


@require_http_methods(["GET", "POST"])
def buyer_page(request, token):
    inquiry = _by_token(Inquiry.objects.select_related("cooperative", "product"), token)
    form = ReplyForm(request.POST or None)
    can_reply = inquiry.erased_at is None and inquiry.status not in ("spam", "closed")
    if request.method == "POST" and can_reply and form.is_valid():
        lifecycle.buyer_reply(inquiry, form.cleaned_data["body"])
        return redirect(request.path + "?replied=1")
    passed_to = inquiry.passed_to.order_by("pk").first()
    context = {
        "inquiry": inquiry,
        "thread": inquiry.messages.all(),
        "timeline": inquiry.events.exclude(action="reminded"),
        "form": form,
        "can_reply": can_reply,
        "passed_to_url": passed_to
        and reverse("inquiries:buyer", kwargs={"token": buyer_token(passed_to)}),
        "sent": "sent" in request.GET,
        "replied": "replied" in request.GET,
    }
    status = 400 if form.errors else 200
    return _private(render(request, "inquiries/buyer_page.html", context, status=status))


@require_http_methods(["GET", "POST"])
def request_quote(request):
    form = QuoteRequestForm(request.POST or None, categories=quoting.categories())
    if request.method == "GET" and str(request.GET.get("category", "")).isdigit():
        form.initial["category"] = int(request.GET["category"])

    def store(verdict):
        quote_request = form.save(commit=False)
        quote_request.language = get_language()
        return quoting.submit(quote_request, verdict)

    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        same = QuoteRequest.objects.filter(
            category=data["category"], product=data["product"], message=data["message"]
        )
        response = _submit(request, form, same, store, "inquiries:quote_buyer")
        if response is not None:
            return response
    context = {"form": form, "challenge": spam.new_challenge()}
    status = _form_status(request, form)
    return render(request, "inquiries/quote_request_page.html", context, status=status)


@require_http_methods(["GET", "POST"])
def quote_buyer_page(request, token):
    quote_request = _by_token(QuoteRequest.objects.select_related("category"), token)
    if request.method == "POST" and request.POST.get("action") == "close":
        quoting.close(quote_request)
        return redirect(request.path + "?closed=1")
    context = {
        "quote_request": quote_request,
        "quotations": quoting.quotations_for_buyer(quote_request),
        "invited": quote_request.invitations.count(),
        "sent": "sent" in request.GET,
        "closed": "closed" in request.GET,
    }
    return _private(render(request, "inquiries/quote_buyer_page.html", context))
