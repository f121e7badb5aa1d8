"""One page of a guest list, cut in the one name order (dinnerplan.names.by_name).

SQL cannot sort by the Unicode collation and surname rules of `names`, so the page is cut
from the sorted (id, name) pairs and only that page's rows are loaded. Computing the keys
costs about 50 µs a name, so past NAME_ORDER_MAX guests (far beyond a dinner, e.g. an
abusive import) the database's order by name is used instead and the page is cut in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from sqlalchemy import Select, func

from dinnerplan import names
from dinnerplan.extensions import db
from dinnerplan.models import Guest


@dataclass(frozen=True)
class NamePage:
    """The attributes templates/_pager.html and the lists read, as Flask-SQLAlchemy's page has."""

    items: list
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        """How many pages there are (at least one)."""
        return max(1, ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        """True when there is a page before this one."""
        return self.page > 1

    @property
    def has_next(self) -> bool:
        """True when there is a page after this one."""
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        """The previous page's number."""
        return self.page - 1

    @property
    def next_num(self) -> int:
        """The next page's number."""
        return self.page + 1

    @property
    def first(self) -> int:
        """The 1-based position of this page's first guest (0 when empty)."""
        return (self.page - 1) * self.per_page + 1 if self.items else 0

    @property
    def last(self) -> int:
        """The 1-based position of this page's last guest."""
        return self.first + len(self.items) - 1 if self.items else 0


NAME_ORDER_MAX = 5000


def page_by_name(query: Select, page: int | None, per_page: int) -> NamePage:
    """Return one page of the guests `query` selects, in the one name order."""
    total = db.session.execute(
        db.select(func.count()).select_from(query.order_by(None).subquery())
    ).scalar_one()
    if total > NAME_ORDER_MAX:
        return _page_in_sql(query, page, per_page, total)
    pairs = db.session.execute(query.with_only_columns(Guest.id, Guest.name).order_by(None)).all()
    ordered = sorted(pairs, key=names.by_name)
    last_page = max(1, ceil(len(ordered) / per_page))
    number = min(max(1, page or 1), last_page)
    chosen = [row.id for row in ordered[(number - 1) * per_page : number * per_page]]
    rows = {g.id: g for g in db.session.scalars(db.select(Guest).where(Guest.id.in_(chosen)))}
    return NamePage([rows[i] for i in chosen], number, per_page, len(ordered))


def _page_in_sql(query: Select, page: int | None, per_page: int, total: int) -> NamePage:
    """Cut a page of a very long list in the database, ordered by name."""
    number = min(max(1, page or 1), max(1, ceil(total / per_page)))
    ordered = query.order_by(None).order_by(func.lower(Guest.name), Guest.id)
    rows = db.session.scalars(ordered.limit(per_page).offset((number - 1) * per_page)).all()
    return NamePage(list(rows), number, per_page, total)


def page_of(rows: list, page: int | None, per_page: int) -> NamePage:
    """One page of a list already in memory and in order (a page past the end shows the last)."""
    number = min(max(1, page or 1), max(1, ceil(len(rows) / per_page)))
    return NamePage(rows[(number - 1) * per_page : number * per_page], number, per_page, len(rows))
