"""Counts the SQL queries each list page runs, on whatever database DATABASE_URL names.

Run after `manage.py load_demo_data` (optionally with `--products N`): the counts should not
change with the size of the catalogue.

    .venv/bin/python bench/query_counts.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from cooperatives.models import CooperativePage  # noqa: E402


def list_urls():
    busiest = max(
        CooperativePage.objects.live().filter(locale__language_code="vi"),
        key=lambda page: page.get_children_count(),
    )
    return [
        "/",
        "/hop-tac-xa/",
        "/hop-tac-xa/?page=2",
        "/san-pham/",
        "/san-pham/?page=2",
        "/mo-hinh-tieu-bieu/",
        "/tin-tuc/",
        busiest.url,
    ]


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    for url in list_urls():
        client.get(url)  # warm caches (site root, renditions) once
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        print(f"{response.status_code}  {len(queries):3d} queries  {url}")


if __name__ == "__main__":
    main()
