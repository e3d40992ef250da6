"""The documents library searched in the database, when Elasticsearch is not configured or
does not answer: the same filters, facets and status rule, the same folding, typos corrected
within the same edit distance (`AUTO:4,7`), and a passage with the words marked.

Every word must be found (as typed after folding, or corrected): a library search is for a
phrase someone remembers, not for "any of these words"."""

import re
from collections import Counter

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape

from documents.choices import Status
from documents.status import StatusDates
from portal.text import fold

from .document_models import DocumentSearchText
from .document_query import PAGE_SIZE, DocumentHit, DocumentResults
from .document_status import status_q

WORD = re.compile(r"\w+")
VOCABULARY_SECONDS = 300
FACETS = ("doc_type", "issuer", "legal_field", "year")
PASSAGE = 200


def allowed_edits(word):
    """Elasticsearch's AUTO:4,7: no typo under four letters, one up to seven, two beyond."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def edit_distance(a, b, limit):
    """Levenshtein distance, giving up (limit + 1) once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def vocabulary(language):
    key = f"search:library-vocabulary:{language}"
    words = cache.get(key)
    if words is None:
        words = set()
        for folded in DocumentSearchText.objects.filter(language=language).values_list(
            "folded", flat=True
        ):
            words.update(folded.split())
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


def forget_vocabulary():
    for language in ("vi", "en"):
        cache.delete(f"search:library-vocabulary:{language}")


def query_words(q, language):
    """Each folded word, or the known words within its allowed edits: [[alternatives]]."""
    known = vocabulary(language)
    groups = []
    for word in WORD.findall(fold(q)):
        if word in known or not allowed_edits(word):
            groups.append([word])
            continue
        limit = allowed_edits(word)
        close = [w for w in known if edit_distance(word, w, limit) <= limit]
        groups.append(close or [word])
    return groups


def _words_q(groups):
    condition = Q()
    for group in groups:
        alternatives = Q()
        for word in group:
            alternatives |= Q(folded__contains=f" {word} ")
        condition &= alternatives
    return condition


def _filtered(query, today):
    rows = DocumentSearchText.objects.filter(language=query.language)
    for name in FACETS:
        if value := getattr(query, name):
            rows = rows.filter(**{name: value})
    if query.status:
        rows = rows.filter(status_q(query.status, today))
    return rows


class _SameLengthFold(dict):
    """A str.translate table folding one character to one ("Đ" -> "d", "ế" -> "e"), so
    positions in the folded text are positions in the original: the passage is cut from it."""

    def __missing__(self, code):
        folded = fold(chr(code))
        self[code] = folded if len(folded) == 1 else chr(code)
        return self[code]


SAME_LENGTH_FOLD = _SameLengthFold()


def passage(body, summary, groups):
    """About 200 characters of the file where most of the words are found together, marked."""
    group_of = {w: i for i, group in enumerate(groups) for w in group}
    for text in (body, summary):
        folded = text.translate(SAME_LENGTH_FOLD)
        tokens = [
            (m.start(), m.end(), group_of[m.group()])
            for m in WORD.finditer(folded)
            if m.group() in group_of
        ]
        if tokens:
            return _mark(text, tokens, _best_start(tokens))
    return ""


def _best_start(tokens, limit=5000):
    """The position of the window of PASSAGE characters holding the most distinct words."""
    tokens = tokens[:limit]
    best, best_count, j = tokens[0][0], 0, 0
    for i, (start, _end, _group) in enumerate(tokens):
        j = max(j, i)
        while j + 1 < len(tokens) and tokens[j + 1][1] - start <= PASSAGE:
            j += 1
        count = len({g for _a, _b, g in tokens[i : j + 1]})
        if count > best_count:
            best, best_count = start, count
    return best


def _mark(text, tokens, first):
    tokens = [(a, b) for a, b, _group in tokens]
    start = max(0, text.rfind(" ", 0, max(0, first - PASSAGE // 3)) + 1)
    end = min(len(text), start + PASSAGE)
    out, cursor = [], start
    for a, b in tokens:
        if a < start or b > end:
            continue
        out += [escape(text[cursor:a]), "<mark>", escape(text[a:b]), "</mark>"]
        cursor = b
    out.append(escape(text[cursor:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(out).strip() + suffix


def _rank(row, groups, q_folded):
    title_hits = sum(any(f" {w} " in row["folded_title"] for w in group) for group in groups)
    number_hit = bool(q_folded) and fold(row["number"]) == q_folded
    issued = row["issued_on"].toordinal() if row["issued_on"] else 0
    return (-number_hit, -title_hits, -issued)


def _hit(row, groups, today):
    dates = StatusDates(
        row["effective_from"], row["ends_on"], row["partly_from"], row["status_override"]
    )
    return DocumentHit(
        id=row["page_id"],
        title=row["title"],
        number=row["number"],
        url=row["url"],
        summary=row["summary"],
        doc_type=row["doc_type"],
        issued_on=row["issued_on"],
        status=dates.status_on(today),
        passage=passage(row["body"], row["summary"], groups) if groups else "",
    )


def _facets(rows, today):
    """Counts from the matched rows already fetched: the words are looked for once, not once
    per facet (each pass over the files' folded text is most of a search's time)."""
    facets = {name: Counter() for name in FACETS}
    facets["status"] = Counter(dict.fromkeys(Status.values, 0))
    for row in rows:
        for name in FACETS:
            if row[name] not in ("", None):
                facets[name][str(row[name])] += 1
        dates = StatusDates(
            row["effective_from"], row["ends_on"], row["partly_from"], row["status_override"]
        )
        facets["status"][dates.status_on(today)] += 1
    return {name: dict(counts) for name, counts in facets.items()}


LIGHT = (
    "page_id",
    "title",
    "number",
    "folded_title",
    "issued_on",
    *FACETS,
    "effective_from",
    "ends_on",
    "partly_from",
    "status_override",
)
FULL = (
    "page_id",
    "title",
    "number",
    "url",
    "summary",
    "body",
    "doc_type",
    "issued_on",
    "effective_from",
    "ends_on",
    "partly_from",
    "status_override",
)


def search(query):
    today = timezone.localdate()
    rows = _filtered(query, today)
    groups = query_words(query.q, query.language) if query.q else []
    if groups:
        rows = rows.filter(_words_q(groups))
    q_folded = " ".join(WORD.findall(fold(query.q)))
    matched = list(rows.values(*LIGHT))
    ranked = sorted(matched, key=lambda r: _rank(r, groups, q_folded))
    total = len(ranked)
    page_ids = [r["page_id"] for r in ranked[(query.page - 1) * PAGE_SIZE : query.page * PAGE_SIZE]]
    full = {
        r["page_id"]: r
        for r in DocumentSearchText.objects.filter(page_id__in=page_ids).values(*FULL)
    }
    return DocumentResults(
        hits=[_hit(full[pk], groups, today) for pk in page_ids],
        total=total,
        facets=_facets(matched, today),
        backend="database",
    )
