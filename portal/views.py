"""Site-wide views: robots.txt and the friendly error pages."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /*?*q=",
        f"Sitemap: {sitemap}",
    ]
    return render(request, "robots.txt", {"lines": lines}, content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request context: the database or a context processor may be down.
    return HttpResponseServerError(loader.render_to_string("500.html"))
