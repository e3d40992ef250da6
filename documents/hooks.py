"""The library page asks a hook for its listing, as the catalogue does: `documents` never
imports `search`; search registers `legal_library_context` (search/document_hooks.py)."""

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks


def library_context(index, request):
    for hook in hooks.get_hooks("legal_library_context"):
        return hook(index, request)
    raise ImproperlyConfigured(
        "No app answers the 'legal_library_context' hook (is search installed?)"
    )
