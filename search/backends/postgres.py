"""PostgreSQL: a search with words answered in one statement, nothing per match sent to Python.

The matched rows (the text matched once, through the GIN indexes) go into a `MATERIALIZED` CTE
with one boolean per active filter. From it, the statement returns the hits page (ordered and
cut in SQL) and, in one pass of `GROUPING SETS`, a count per facet value: a facet's set is keyed
by its columns and by the flags of the other filters, so its counts are those of the rows
passing every other filter (multi-select facets), never its own; one more set with every flag
gives the total. Only those groups travel back (a few per facet value), and Python adds them up
with `facets.add_group`, as the ORM path adds its groups.
"""

from django.db import connection, transaction

from ..facets import FACETS, KEYS, SORTS, add_group, annotations

WORK_MEM = "16MB"
SORTED_BY = tuple(dict.fromkeys(sort.field for sort in SORTS.values() if sort.field))
COLUMNS = ("page_id", "matched", "title_score", "title_sort", *SORTED_BY)


def _mask(columns):
    """GROUPING(KEYS...) of a set grouped by `columns`: a bit set for every key left out."""
    return sum(1 << (len(KEYS) - 1 - i) for i, key in enumerate(KEYS) if key not in columns)


def _statement(inner, flags, sort, fence):
    """The SQL: the page (numbered), then the facets' groups and the total, in one statement."""
    every = [f"m.{flag}" for flag in flags]
    sets = []
    for facet in FACETS:
        others = [f"m.{flag}" for flag in flags if flag != f"f_{facet.name}"]
        sets.append("(" + ", ".join([*(f"m.{key}" for key in facet.keys), *others]) + ")")
    sets.append("(" + ", ".join(every) + ")")  # the total: () when nothing is filtered
    passing = " AND ".join(f"{flag} IS NOT FALSE" for flag in every) or "TRUE"
    order = SORTS[sort].sql("m")
    nulls = ", ".join(["NULL::text"] * (len(KEYS) - 1))
    keys = ", ".join(f"m.{key}::text" for key in KEYS)
    # Every piece joined below is SQL of this module or compiled by Django; values are params.
    return " ".join([
        "WITH m AS MATERIALIZED (SELECT s.*, s.matched + s.title_score AS score FROM (",
        inner, "OFFSET 0" if fence else "", ") AS s WHERE s.matched >= %s)",
        # The page, numbered: UNION ALL does not keep a subquery's order.
        "SELECT -1, p.position, p.page_id::text,", nulls, "FROM (SELECT m.page_id,",
        "row_number() OVER (ORDER BY", order, ") AS position FROM (SELECT * FROM m WHERE",
        " AND ".join(every) or "TRUE", "ORDER BY", order, "LIMIT %s OFFSET %s) AS m) AS p",
        "UNION ALL SELECT GROUPING(", ", ".join(f"m.{key}" for key in KEYS), "), count(*),",
        keys, "FROM m GROUP BY GROUPING SETS (", ", ".join(sets), ") HAVING", passing,
    ])  # fmt: skip


def search(matched, required, flags, query, fence=False):
    """(total, page ids, raw facet counts) for `matched`, a queryset annotated with `matched`
    (query words found) and `title_score`, with at least `required` words; `flags`: one boolean
    annotation per active filter (`database.flags`).

    `fence`: count the words once a row (OFFSET 0 keeps PostgreSQL from copying the count into
    the WHERE clause and the score), when counting runs a title similarity subquery; otherwise
    the count pushed into the scan discards rows before they are scored, which is cheaper.
    """
    rows = matched.annotate(**annotations(), **flags).values(*COLUMNS, *KEYS, *flags)
    inner, params = rows.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # The matched rows of a broad query (a third of the catalogue) and the facets' hash
        # tables fit in memory with a little more than the default 4 MB: no temporary files.
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        sql = _statement(inner, list(flags), query.sort, fence)
        cursor.execute(sql, [*params, required, query.page_size, query.offset])
        rows = cursor.fetchall()
    masks = {_mask(facet.keys): facet.name for facet in FACETS}
    total, hits = 0, []
    counts = {facet.name: {} for facet in FACETS}
    for mask, n, *values in rows:
        if mask == -1:
            hits.append((n, int(values[0])))
        elif mask in masks:
            add_group(counts, n, dict(zip(KEYS, values, strict=True)), [masks[mask]])
        else:
            total = n
    return total, [page_id for _position, page_id in sorted(hits)], counts
