"""One envelope for every list: {"count", "next", "previous", "results"}, by limit and offset."""

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from django.db.models import QuerySet
from ninja import Field, Schema

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

T = TypeVar("T")


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page")
    offset: int = Field(0, ge=0, description="Items to skip")


class Page(Schema, Generic[T]):
    count: int = Field(description="Items in the whole list")
    next: str | None = Field(description="URL of the next page, or null on the last")
    previous: str | None = Field(description="URL of the previous page, or null on the first")
    results: list[T]


def paginate(
    request,
    items: QuerySet | Sequence,
    params: PageParams,
    *,
    present: Callable[[list], list] = list,
) -> dict:
    """One page of items, turned into results by `present` (which gets the page as a list)."""
    count = items.count() if isinstance(items, QuerySet) else len(items)
    limit, offset = params.limit, params.offset
    page = list(items[offset : offset + limit])
    following = offset + limit if offset + limit < count else None
    preceding = max(offset - limit, 0) if offset > 0 else None
    return {
        "count": count,
        "next": _page_url(request, limit, following),
        "previous": _page_url(request, limit, preceding),
        "results": present(page),
    }


def _page_url(request, limit: int, offset: int | None) -> str | None:
    if offset is None:
        return None
    query = request.GET.copy()
    query["limit"] = str(limit)
    query["offset"] = str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
