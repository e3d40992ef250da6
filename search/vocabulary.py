"""The words products are known by, for typo correction in the fallback and "did you mean"."""

import difflib
import re
import time

from django.core.cache import cache

from portal.text import fold

from .models import ProductSearchText

WORD = re.compile(r"\w+")
CACHE_SECONDS = 300


def _cache_key(language):
    return f"search:vocabulary:{language}"


def vocabulary(language):
    """Folded word -> the accented form seen first in a title (or the folded word itself)."""
    words = cache.get(_cache_key(language))
    if words is not None:
        return words
    words = {}
    rows = ProductSearchText.objects.filter(language=language).values_list(
        "title", "category", "category_parent", "area", "cooperative"
    )
    for title, *slugs in rows.iterator(chunk_size=5000):
        for word in WORD.findall(title.lower()):
            words.setdefault(fold(word), word)
        for slug in slugs:
            for word in slug.split("-"):
                words.setdefault(word, word)
    cache.set(_cache_key(language), words, CACHE_SECONDS)
    return words


GENERATION = "search:generation"


def generation():
    """A number that changes whenever the catalogue's search table changes (cache keys use it)."""
    value = cache.get(GENERATION)
    if value is None:
        value = time.time_ns()
        cache.add(GENERATION, value, None)
    return value


def forget():
    """Drop cached vocabularies and counts after the catalogue changed."""
    cache.delete_many([_cache_key(code) for code in ("vi", "en")])
    cache.set(GENERATION, time.time_ns(), None)


def allowed_edits(token):
    """As the Elasticsearch query's `fuzziness: AUTO:4,7`: none to 3 letters, 1 to 6, then 2."""
    return 0 if len(token) <= 3 else 1 if len(token) <= 6 else 2


def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def corrections(token, language, limit=3):
    """Known words within a typo or two of an unknown folded token ("robsta" -> "robusta")."""
    words = vocabulary(language)
    edits = allowed_edits(token)
    if token in words or not edits:
        return []
    close = difflib.get_close_matches(token, words.keys(), n=limit * 3, cutoff=0.6)
    return [w for w in close if edit_distance(token, w) <= edits][:limit]


def did_you_mean(q, language):
    """The query with each unknown word replaced by the closest known one, or ""."""
    words = vocabulary(language)
    changed = False
    out = []
    for word in WORD.findall(q.lower()):
        folded = fold(word)
        close = difflib.get_close_matches(folded, words.keys(), n=1, cutoff=0.6)
        if folded in words:
            out.append(words[folded])
        elif close:
            out.append(words[close[0]])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""
