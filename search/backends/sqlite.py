"""SQLite: a search with words answered in one statement, the text matched once.

SQLite finds words with LIKE on every row: matching is most of a search's cost, so it is done
once. The matched rows, with one boolean per active filter, go into a `MATERIALIZED` CTE; from
it the statement returns the hits page (ordered and cut in SQL) and the rows' groups by every
facet's keys and the flags (SQLite has no `GROUPING SETS`), which `facets.count_groups` adds up
exactly as it adds up the ORM's grouped query.
"""

from django.db import connection

from ..facets import KEYS, SORTS, annotations, count_groups
from .postgres import COLUMNS


def _statement(inner, flags, sort):
    """The SQL: the page (numbered), then the groups, in one statement."""
    order = SORTS[sort].sql("m", collate="")
    passing = " AND ".join(f"m.{flag}" for flag in flags) or "1"
    grouped = ", ".join(f"m.{column}" for column in (*KEYS, *flags))
    nulls = ", ".join(["NULL"] * (len(KEYS) + len(flags) - 1))
    # Every piece joined below is SQL of this module or compiled by Django; values are params.
    return " ".join([
        "WITH m AS MATERIALIZED (SELECT s.*, s.matched + s.title_score AS score FROM (",
        inner, ") AS s WHERE s.matched >= %s)",
        # The page, numbered: UNION ALL does not keep a subquery's order.
        "SELECT -1, p.position, p.page_id,", nulls, "FROM (SELECT m.page_id,",
        "row_number() OVER (ORDER BY", order, ") AS position FROM m WHERE", passing,
        "ORDER BY", order, "LIMIT %s OFFSET %s) AS p",
        "UNION ALL SELECT 0, count(*),", grouped, "FROM m GROUP BY", grouped,
    ])  # fmt: skip


def search(matched, required, flags, query):
    """(total, page ids, raw facet counts) for `matched`, a queryset annotated with `matched`
    (query words found) and `title_score`, with at least `required` words; `flags`: one boolean
    annotation per active filter (`database.flags`)."""
    rows = matched.annotate(**annotations(), **flags).values(*COLUMNS, *KEYS, *flags)
    inner, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            _statement(inner, list(flags), query.sort),
            [*params, required, query.page_size, query.offset],
        )
        result = cursor.fetchall()
    hits = sorted((position, page_id) for mark, position, page_id, *_ in result if mark == -1)
    names = (*KEYS, *flags)
    groups = [
        {**dict(zip(names, values, strict=True)), "n": n}
        for mark, n, *values in result
        if mark == 0
    ]
    total, counts = count_groups(groups, flags)
    return total, [page_id for _position, page_id in hits], counts
