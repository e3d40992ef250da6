"""Reading pages as a visitor does, for assertions on what users see."""

import re
from http import HTTPStatus


def html_of(client, url):
    """The page's HTML, after checking it answered 200."""
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response.content.decode()


def text_of(html):
    """The visible text, tags removed and spaces collapsed, for assertions on what users read."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
