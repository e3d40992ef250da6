"""The JSON API: product search, autocomplete and the OpenAPI document describing them."""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

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
    response = JsonResponse(search_products(query).as_json())
    response["X-Robots-Tag"] = "noindex"
    return response


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
