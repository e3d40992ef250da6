"""The JSON API: product search, autocomplete and the OpenAPI document describing them."""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from .openapi import openapi_document
from .query import QueryError, parse_query
from .service import autocomplete, search_products


def _language(request):
    code = request.GET.get("lang") or translation.get_language() or "vi"
    return code if code in ("vi", "en") else "vi"


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
    if len(q) > 100:
        return _error(QueryError("q", "q: at most 100 characters."))
    suggestions = autocomplete(q, language=_language(request))
    response = JsonResponse({"q": q, "results": suggestions})
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def openapi_json(request):
    return JsonResponse(openapi_document(request.build_absolute_uri("/")))
