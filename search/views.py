"""The JSON API: product search, autocomplete and the OpenAPI document describing them."""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from inquiries.models import Responsiveness
from products.models import ProductPage

from .openapi import openapi_document
from .query import QueryError, parse_query
from .service import autocomplete, search_products

LANGUAGES = ("vi", "en")


def _language(request):
    """The catalogue's language: `lang`, else Vietnamese (not the browser's, for stable URLs)."""
    code = request.GET.get("lang") or "vi"
    if code not in LANGUAGES:
        raise QueryError("lang", _("Ngôn ngữ “%(lang)s” không có.") % {"lang": code[:10]})
    return code


def _error(error):
    return JsonResponse(
        {"error": {"param": error.param, "message": str(error.message)}},
        status=HTTPStatus.BAD_REQUEST,
    )


@require_GET
def search_api(request):
    try:
        query = parse_query(request.GET, language=_language(request))
    except QueryError as error:
        return _error(error)
    payload = search_products(query).as_json()
    _add_responsiveness(payload["results"])
    response = JsonResponse(payload)
    response["X-Robots-Tag"] = "noindex"
    return response


def _add_responsiveness(results):
    """Each hit's producer figures, as on its pages: one query for the whole page of hits."""
    ids = [hit["id"] for hit in results]
    coop_of = dict(ProductPage.objects.filter(pk__in=ids).values_list("pk", "cooperative_page_id"))
    figures = Responsiveness.objects.filter(cooperative_id__in=set(coop_of.values()))
    by_coop = {f.cooperative_id: f for f in figures}
    for hit in results:
        hit["cooperative"]["responsiveness"] = _figures(by_coop.get(coop_of.get(hit["id"])))


def _figures(figures):
    enough = figures is not None and figures.enough_data
    return {
        "inquiries": figures.inquiries if figures else 0,
        "share_answered_within_48h": figures.share_within_48h if enough else None,
        "median_hours_to_first_answer": round(figures.median_hours, 1)
        if enough and figures.median_hours is not None
        else None,
        "responds_within_48h": bool(enough and figures.responds_within_48h),
    }


@require_GET
def autocomplete_api(request):
    q = request.GET.get("q", "")
    try:
        language = _language(request)
        if len(q) > 100:
            raise QueryError("q", _("Gợi ý chỉ nhận tối đa 100 ký tự."))
    except QueryError as error:
        return _error(error)
    suggestions = autocomplete(q, language=language)
    response = JsonResponse({"q": q, "results": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def openapi_json(request):
    return JsonResponse(openapi_document(request.build_absolute_uri("/")))
