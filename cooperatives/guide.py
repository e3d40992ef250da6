"""The cooperatives' guide (docs/cooperative-guide.md), shown inside the admin.

The guide lives in the repository beside the code it describes, so a change to a screen and its
page in the guide go in one commit; the admin renders it with markdown-it and serves the
screenshots the browser test makes (`tests/e2e/test_phone_admin.py`).
"""

import re

from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

GUIDE = "cooperative-guide.md"
SCREENSHOTS = "images/cooperative-guide"
SCREENSHOT_NAME = re.compile(r"[a-z0-9-]+\.png")


def docs_dir():
    return settings.BASE_DIR / "docs"


def guide_html():
    text = (docs_dir() / GUIDE).read_text(encoding="utf-8")
    # The guide is ours, not user input: raw HTML stays off all the same.
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return html.replace(f'src="{SCREENSHOTS}/', f'src="{reverse("cooperatives_guide")}anh/')


def guide(request):
    return TemplateResponse(
        request,
        "cooperatives/admin/guide.html",
        {
            "page_title": _("Hướng dẫn cho hợp tác xã"),
            "header_icon": "help",
            "guide": mark_safe(guide_html()),  # noqa: S308 (rendered from our own file, no HTML)
        },
    )


def screenshot(request, name):
    if not SCREENSHOT_NAME.fullmatch(name):
        raise Http404
    path = docs_dir() / SCREENSHOTS / name
    if not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
