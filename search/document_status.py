"""A document's status on a day, as a condition on the stored dates, in both dialects: a Django
`Q` for the fallback and an Elasticsearch query. One table of rules (documents/status.py reads
the same dates in Python) so the three never disagree."""

from django.db.models import Q

from documents.choices import Status


def status_q(status, today):
    no_override = Q(status_override="")
    not_yet = Q(effective_from__gt=today)
    ended = Q(ends_on__lte=today)
    partly = Q(partly_from__lte=today)
    computed = {
        Status.NOT_YET: not_yet,
        Status.ENDED: ~not_yet & ended,
        Status.PARTLY: ~not_yet & ~Q(ends_on__lte=today) & partly,
        Status.IN_FORCE: ~not_yet & ~Q(ends_on__lte=today) & ~Q(partly_from__lte=today),
    }[status]
    return Q(status_override=status) | (no_override & computed)


def _range(field, op, today):
    return {"range": {field: {op: today.isoformat()}}}


def status_es(status, today):
    not_yet = _range("effective_from", "gt", today)
    ended = _range("ends_on", "lte", today)
    partly = _range("partly_from", "lte", today)
    must, must_not = {
        Status.NOT_YET: ([not_yet], []),
        Status.ENDED: ([ended], [not_yet]),
        Status.PARTLY: ([partly], [not_yet, ended]),
        Status.IN_FORCE: ([], [not_yet, ended, partly]),
    }[status]
    computed = {
        "bool": {"must": must, "must_not": [*must_not, {"exists": {"field": "status_override"}}]}
    }
    return {
        "bool": {
            "should": [{"term": {"status_override": status}}, computed],
            "minimum_should_match": 1,
        }
    }
