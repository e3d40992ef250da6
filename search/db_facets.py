"""PostgreSQL: a search with words answered in one statement, nothing per match sent to Python.

The matched rows (the text matched once, through the GIN indexes) go into a `MATERIALIZED` CTE
with one boolean per active filter. From it, the statement returns the hits page (ordered and
cut in SQL) and, in one pass of `GROUPING SETS`, a count per facet value: a facet's set is keyed
by its columns and by the flags of the other filters, so its counts are those of the rows
passing every other filter (multi-select facets), never its own; one more set with every flag
gives the total. Only those groups travel back (a few per facet value), and Python adds them up
exactly as `db_backend.filter_and_count` counts rows on SQLite.
"""

from django.db import connection, transaction
from django.db.models import BooleanField, Case, Value, When

from .results import FACETS, PRICE_RANGES

FILTERS = (*FACETS, "cooperative")
WORK_MEM = "16MB"

ORDER_SQL = {
    "relevance": 'm.score DESC, m.title_sort COLLATE "C", m.page_id',
    "price_asc": 'm.price_vnd ASC NULLS LAST, m.title_sort COLLATE "C", m.page_id',
    "price_desc": 'm.price_vnd DESC NULLS LAST, m.title_sort COLLATE "C", m.page_id',
    "newest": 'm.published_at DESC NULLS LAST, m.title_sort COLLATE "C", m.page_id',
}
COLUMNS = ("page_id", "matched", "title_score", "title_sort", "price_vnd", "published_at",
           "category", "category_parent", "area", "certifications", "ocop_stars")  # fmt: skip
# Each facet's grouping columns; the certification set groups the "|a|b|" strings (few distinct
# ones), split in Python.
KEYS = ("m.category", "m.category_parent", "m.area", "m.certifications", "m.ocop_stars",
        "m.bucket")  # fmt: skip
FACET_KEYS = {
    "category": ("m.category", "m.category_parent"),
    "area": ("m.area",),
    "certification": ("m.certifications",),
    "ocop_stars": ("m.ocop_stars",),
    "price": ("m.bucket",),
}


def _flag(condition):
    when = When(condition, then=Value(True))
    return Case(when, default=Value(False), output_field=BooleanField())


def _price_case():
    whens = []
    for key, low, high in PRICE_RANGES:
        tests = ["s.price_vnd IS NOT NULL"]
        if low is not None:
            tests.append(f"s.price_vnd >= {int(low)}")
        if high is not None:
            tests.append(f"s.price_vnd < {int(high)}")
        whens.append(" ".join(["WHEN", " AND ".join(tests), "THEN", f"'{key}'"]))
    return " ".join(["CASE", *whens, "END"])


def _mask(columns):
    """GROUPING(KEYS...) of a set grouped by `columns`: a bit set for every key left out."""
    return sum(1 << (len(KEYS) - 1 - i) for i, key in enumerate(KEYS) if key not in columns)


def search(matched, required, conditions, sort, offset, limit, fence=False):
    """(total, page ids, raw facet counts) for `matched`, a queryset annotated with `matched`
    (query words found) and `title_score`; `conditions`: one Q per filter (`filter_conditions`).

    `fence`: count the words once a row (OFFSET 0 keeps PostgreSQL from copying the count into
    the WHERE clause and the score), when counting runs a title similarity subquery; otherwise
    the count pushed into the scan discards rows before they are scored, which is cheaper.
    """
    active = {name: conditions[name] for name in FILTERS if conditions.get(name)}
    flags = {f"f_{name}": _flag(condition) for name, condition in active.items()}
    inner, params = matched.annotate(**flags).values(*COLUMNS, *flags).query.sql_with_params()
    every = [f"m.f_{name}" for name in active]
    sets, masks = [], {}
    for facet, columns in FACET_KEYS.items():
        others = [f"m.f_{name}" for name in active if name != facet]
        sets.append("(" + ", ".join([*columns, *others]) + ")")
        masks[_mask(columns)] = facet
    sets.append("(" + ", ".join(every) + ")")  # the total: () when nothing is filtered
    passing = " AND ".join(f"{flag} IS NOT FALSE" for flag in every) or "TRUE"
    order = ORDER_SQL[sort]
    nulls = ", ".join(["NULL::text"] * (len(KEYS) - 1))
    keys = ", ".join(f"{key}::text" for key in KEYS)
    # Every piece joined below is SQL of this module or compiled by Django; values are params.
    sql = " ".join([
        "WITH m AS MATERIALIZED (SELECT s.*, s.matched + s.title_score AS score,",
        _price_case(), "AS bucket FROM (", inner, "OFFSET 0" if fence else "",
        ") AS s WHERE s.matched >= %s)",
        # The page, numbered: UNION ALL does not keep a subquery's order.
        "SELECT -1, p.position, p.page_id::text,", nulls, "FROM (SELECT m.page_id,",
        "row_number() OVER (ORDER BY", order, ") AS position FROM (SELECT * FROM m WHERE",
        " AND ".join(every) or "TRUE", "ORDER BY", order, "LIMIT %s OFFSET %s) AS m) AS p",
        "UNION ALL SELECT GROUPING(", ", ".join(KEYS), "), count(*),", keys,
        "FROM m GROUP BY GROUPING SETS (", ", ".join(sets), ") HAVING", passing,
    ])  # fmt: skip
    with transaction.atomic(), connection.cursor() as cursor:
        # The matched rows of a broad query (a third of the catalogue) and the facets' hash
        # tables fit in memory with a little more than the default 4 MB: no temporary files.
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        cursor.execute(sql, [*params, required, limit, offset])
        rows = cursor.fetchall()
    total, hits = 0, []
    counts = {name: {} for name in FACETS}
    for mask, n, *values in rows:
        if mask == -1:
            hits.append((n, int(values[0])))
        elif mask in masks:
            _add(counts, masks[mask], n, *values)
        else:
            total = n
    return total, [page_id for _position, page_id in sorted(hits)], counts


def _add(counts, facet, n, category, parent, area, certifications, stars, bucket):
    """Add a group's count as `db_backend._count_row` adds a row."""
    facet_counts = counts[facet]

    def add(key):
        facet_counts[key] = facet_counts.get(key, 0) + n

    if facet == "category":
        add(category)
        if parent:
            add(parent)
    elif facet == "area" and area:
        add(area)
    elif facet == "certification":
        for slug in (certifications or "").split("|"):
            if slug:
                add(slug)
    elif facet == "ocop_stars" and stars is not None:
        add(int(stars))
    elif facet == "price" and bucket is not None:
        add(bucket)
