"""A document's status, from its dates and from the documents that replace, repeal or amend it.

Users of legal libraries complain of documents shown "in force" long after they were replaced,
and of partial repeal shown as all or nothing. So the status is never typed in by hand: it is
computed for a day from

- its own dates: not yet in force before `effective_from`, ended from `effective_until`;
- incoming relations: a live document that replaces or repeals it ends it from the relation's
  date (or, without one, the date the other document comes into force); one that amends,
  partly replaces or partly repeals it makes it "partly" from then;

and an editor's override (with the "checked on" date shown beside it) wins when set.
The same three dates (`effective_from`, `ends_on`, `partly_from`) are stored in the search
indexes, so a status filter is a date comparison on both backends.
"""

import datetime
from dataclasses import dataclass

from .choices import ENDING, PARTIAL, Status


@dataclass(frozen=True)
class StatusDates:
    effective_from: datetime.date | None
    ends_on: datetime.date | None
    partly_from: datetime.date | None
    override: str = ""

    def status_on(self, day):
        if self.override:
            return self.override
        if self.effective_from and day < self.effective_from:
            return Status.NOT_YET
        if self.ends_on and day >= self.ends_on:
            return Status.ENDED
        if self.partly_from and day >= self.partly_from:
            return Status.PARTLY
        return Status.IN_FORCE


def relation_date(relation):
    return relation.from_date or relation.page.effective_from


def status_dates(document, incoming):
    """`incoming`: the live relations pointing at the document, with their `page` loaded."""
    ends = [document.effective_until] if document.effective_until else []
    partly = []
    for relation in incoming:
        when = relation_date(relation)
        if when is None:
            continue
        if relation.kind in ENDING:
            ends.append(when)
        elif relation.kind in PARTIAL:
            partly.append(when)
    return StatusDates(
        document.effective_from,
        min(ends) if ends else None,
        min(partly) if partly else None,
        document.status_override,
    )
