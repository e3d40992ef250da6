"""Reading request parameters: the error a buyer sees, and the parsers the query and every
kind of filter (`facets.py`) read their parameters with."""

import re

from django.utils.translation import gettext as _

SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")
MAX_VALUES = 20


class QueryError(ValueError):
    """A parameter a buyer (or a client of the API) got wrong; the message is for them."""

    def __init__(self, param, message):
        super().__init__(message)
        self.param = param
        self.message = message


def integer(params, name, low, high, default=None):
    raw = (params.get(name) or "").strip()
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(name, _("“%(name)s” phải là một số nguyên.") % {"name": name}) from None
    if not low <= value <= high:
        raise QueryError(
            name,
            _("“%(name)s” phải nằm trong khoảng từ %(low)s đến %(high)s.")
            % {"name": name, "low": low, "high": high},
        )
    return value


def slugs(params, name):
    """The distinct slugs of a repeatable parameter, at most `MAX_VALUES`."""
    values = []
    for raw in params.getlist(name) if hasattr(params, "getlist") else params.get(name, []):
        value = raw.strip()
        if not value:
            continue
        if not SLUG.match(value):
            message = _("Giá trị “%(value)s” của “%(name)s” không hợp lệ.")
            raise QueryError(name, message % {"value": value[:40], "name": name})
        if value not in values:
            values.append(value)
    if len(values) > MAX_VALUES:
        message = _("Chọn tối đa 20 giá trị cho “%(name)s”.")
        raise QueryError(name, message % {"name": name})
    return tuple(values)


def slug(params, name, invalid):
    """One slug, or "" when absent; `invalid`: the message when it is not a slug."""
    value = (params.get(name) or "").strip()
    if value and not SLUG.match(value):
        raise QueryError(name, invalid)
    return value
